// The change sets' public entry: importers use "@/lib/data/change-sets".
export { editableStatuses } from "./shared";
export { getOrganisationDocument, markVerified, readOrganisation, recordRevision } from "./published";
export { proposeArchive, saveDraft, saveDraftIn, submitChangeSet, submitChangeSetIn, withdrawChangeSet, type DraftInput } from "./drafts";
export { applyChangeSet, declineChangeSet, ownChangeMessage, type AppliedChangeSet } from "./decisions";
export { countAwaitingReview, findOpenChangeSet, getOwnChangeSet, listOwnChangeSets, listRecentlyPublished, type ChangeSetDetail, type ChangeSetListItem } from "./queries";
export { adoptSuggestion, createSuggestion, type SuggestionInput } from "./suggestions";
