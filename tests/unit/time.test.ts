import { describe, expect, it } from "vitest";
import { taipeiTime, taipeiToday } from "@/lib/time";

describe("taipeiTime, the one formatter of times users read", () => {
  // 20:05:09 UTC on 1 March is already 04:05:09 on 2 March in Taipei.
  const at = new Date("2026-03-01T20:05:09Z");
  // ICU may separate date and time with a no-break space.
  const plain = (s: string) => s.replace(/\s/g, " ");

  it("is Taipei's time on a 24-hour clock whatever the server's zone (the case list used 上午/下午 before)", () => {
    expect(plain(taipeiTime(at))).toBe("2026/3/2 04:05:09");
    expect(plain(taipeiTime(at.toISOString()))).toBe("2026/3/2 04:05:09");
    expect(taipeiTime(new Date("2026-03-02T07:00:00Z"))).not.toMatch(/上午|下午/);
  });

  it("time only, and the short form for lockouts", () => {
    expect(taipeiTime(at, "time")).toBe("04:05:09");
    expect(plain(taipeiTime(at, "short"))).toBe("3/2 04:05");
  });

  it("today's date in Taipei", () => {
    expect(taipeiToday(at)).toBe("2026-03-02");
  });
});
