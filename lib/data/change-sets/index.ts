// The change sets' public entry: importers use "@/lib/data/change-sets".
export { editableStatuses } from "./shared";
export { getOrganisationDocument, markVerified, readOrganisation, recordRevision } from "./published";
export { discardDraft, proposeArchive, saveDraft, saveDraftIn, submitChangeSet, submitChangeSetIn, withdrawChangeSet, type DraftInput } from "./drafts";
export { applyChangeSet, declineChangeSet, ownChangeMessage, type AppliedChangeSet } from "./decisions";
export { countAwaitingReview, findOpenChangeSet, getOwnChangeSet, listOwnChangeSets, listPendingChanges, listRecentlyPublished, overlappingChanges, type ChangeSetDetail, type ChangeSetListItem, type PendingChange } from "./queries";
export { adoptSuggestion, createSuggestion, type SuggestionInput } from "./suggestions";
export { getChangePreview, type ChangePreview } from "./preview";
