/**
 * The <option>s of a "Which practitioner" select. A practitioner can be linked to one account
 * only, so those already linked to another account are listed but disabled, with whose they are.
 * Server-safe.
 */
export type PractitionerChoice = { slug: string; name: string; takenBy: string | null };

export function PractitionerOptions({ practitioners, ownSlug = null }: { practitioners: PractitionerChoice[]; ownSlug?: string | null }) {
  return (
    <>
      {practitioners.map((practitioner) => {
        const taken = practitioner.takenBy !== null && practitioner.slug !== ownSlug;
        return (
          <option key={practitioner.slug} value={practitioner.slug} disabled={taken}>
            {practitioner.name}
            {taken ? ` (already linked to ${practitioner.takenBy})` : ""}
          </option>
        );
      })}
    </>
  );
}
