/** How a decision reads to people (pages and documents alike). */
export const CHOICE_TEXT: Record<string, string> = {
  include: "納入本案",
  exclude: "不納入本案",
  "this-case": "納入本案辦理",
  "other-procurement": "另於他案辦理",
};
