import { diffWords } from "diff";

/** Two texts with the words removed and added marked, for long fields such as the description. */
export function WordDiff({ before, after }: { before: string; after: string }) {
  return (
    <span className="whitespace-pre-line">
      {diffWords(before, after).map((part, index) =>
        part.added ? (
          <ins key={index} className="bg-green-100 text-green-950 no-underline">
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={index} className="bg-red-100 text-red-950">
            {part.value}
          </del>
        ) : (
          <span key={index}>{part.value}</span>
        ),
      )}
    </span>
  );
}
