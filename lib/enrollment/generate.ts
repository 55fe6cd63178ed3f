// Deterministic synthetic enrollments for the demo queue, tests and benchmarks, built from the
// seed's three examples. Every tenth one carries deliberate rule violations for reviewers to fix.
import example1 from "@/fixtures/enrollments/seed-example-1.json";
import example2 from "@/fixtures/enrollments/seed-example-2.json";
import example3 from "@/fixtures/enrollments/seed-example-3.json";

export const SEED_EXAMPLES: ReadonlyArray<Record<string, unknown>> = [example1, example2, example3];

const FIRST_NAMES = ["ANA", "LUIS", "MARIA", "JOSE", "CARMEN", "JUAN", "ROSA", "PEDRO", "LUCIA", "MIGUEL", "SOFIA", "DIEGO", "ELENA", "RAFAEL", "ISABEL", "ANDRES"];
const LAST_NAMES = ["GARCIA", "RODRIGUEZ", "MARTINEZ", "HERNANDEZ", "LOPEZ", "GONZALEZ", "PEREZ", "SANCHEZ", "RAMIREZ", "TORRES", "FLORES", "RIVERA", "GOMEZ", "DIAZ", "NÚÑEZ", "REYES"];
const BRANCHES: Array<[string, string]> = [["01", "Branch 01"], ["02", "Santo Domingo Centro"], ["03", "Santiago"], ["04", "Miami Brickell"], ["05", "Punta Cana"], ["06", "La Romana"]];

/** A small seeded PRNG (mulberry32): the same seed always gives the same enrollments. */
export function createRng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

function code(rng: ReturnType<typeof createRng>, length: number, alphabet = ALPHABET) {
  return Array.from({ length }, () => alphabet[rng.int(0, alphabet.length - 1)]).join("");
}

type TRecord = Record<string, unknown>;

/** The index-th synthetic enrollment of a given seed (a deep copy; safe to mutate). */
export function generateEnrollment(index: number, seed = 20261121): TRecord {
  const rng = createRng(seed * 1_000_003 + index);
  const body = structuredClone(SEED_EXAMPLES[index % SEED_EXAMPLES.length]) as TRecord;
  const info = body.client_info as TRecord;
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  info.first_name = first;
  info.last_name = last;
  info.middle_name = rng.next() < 0.5 ? rng.pick(FIRST_NAMES) : null;
  info.wisenroll_code = code(rng, 6);
  info.birth_date = `${rng.int(1950, 2004)}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`;
  const documents = body.client_documents as TRecord[];
  for (const doc of documents) doc.document_number = code(rng, rng.int(9, 11), "0123456789");
  const contact = body.client_contact as TRecord;
  contact.email = `${first.toLowerCase()}.${last.toLowerCase().normalize("NFD").replace(/[^a-z]/g, "")}${index}@example.com`;
  contact.cell_phone = `809${code(rng, 7, "0123456789")}`;
  const [branchCode, branchName] = rng.pick(BRANCHES);
  body.client_entity_branch = { branch_code: branchCode, branch_name: branchName };
  if (index % 10 === 7) {
    // Deliberate problems: a missing required field, an impossible date, an over-long name.
    delete contact.email;
    info.birth_date = "1990-02-30";
    info.middle_name = "A".repeat(40);
  }
  return body;
}
