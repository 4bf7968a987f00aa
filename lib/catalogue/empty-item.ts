import type { TCatalogueItem } from "./schema";

/** A new row as the add form starts it: ◎ everywhere, no hints, no legal basis. */
export const emptyItemFields = (): Omit<TCatalogueItem, "id"> => ({
  category: "",
  text: "",
  marks: { high: "◎", medium: "◎", normal: "◎" },
  note: "",
  hints: {
    personalData: false,
    thirdPartyTesting: false,
    cisoConfirm: false,
    mobileAppOnly: false,
    coreSystemRequired: false,
    recommendedWhen: [],
    placeholders: [],
    levelMeasure: null,
  },
  legalBasis: [],
});
