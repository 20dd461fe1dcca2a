/**
 * The recall-definition format, as a zod schema. It is the single source of truth for the shape of
 * `data/*.json`: the build validates the bundled data with it, `--data-dir` validates other
 * directories with it, and the TypeScript types of the rest of the code are inferred from it.
 *
 * Only the validating paths import this module at run time; the single-check path imports its
 * types alone (erased at compile time), so start-up never pays for zod.
 */
import { z } from 'zod';
import { rangeProblem } from '../core/serial-range.js';
import { DEFINITION_FILE_NAME, DEFINITION_FILE_NAME_RULE } from './file-names.js';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and single dashes');

/** YYYY, YYYY-MM or YYYY-MM-DD: sources often give only a month ("Mar 2023 – Oct 2023"). */
const partialDate = z
  .string()
  .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'use YYYY, YYYY-MM or YYYY-MM-DD');

/** ISO 3166-1 alpha-2, upper case, or WORLDWIDE for a recall the manufacturer ran everywhere. */
const jurisdiction = z
  .string()
  .regex(/^(?:[A-Z]{2}|WORLDWIDE)$/, 'use an ISO 3166-1 alpha-2 country code (e.g. US) or WORLDWIDE')
  // Users' "UK" is read as GB, so a recall listed for "UK" could never match; "EU" is no country.
  .refine((j) => j !== 'UK', 'the United Kingdom is GB in ISO 3166-1')
  .refine((j) => j !== 'EU', 'list the countries of the EU the recall covers, one code each');

/** A model or SKU code exactly as it is normalised at run time: upper-case ASCII letters and digits. */
const modelCode = z.string().regex(/^[A-Z0-9]+$/, 'use upper-case ASCII letters and digits only');

/** Only high- and medium-confidence facts may enter the data (the fact sheet's rule). */
const confidence = z.enum(['high', 'medium']);

/**
 * A fact and where it comes from. Every fact in a definition has this shape, so "every fact has a
 * reference" is a property of the schema itself, not a convention.
 */
function fact<T extends z.ZodType>(value: T) {
  return z.strictObject({
    value,
    refs: z.array(slug).min(1, 'a fact needs at least one reference id (see "references")'),
    confidence,
    /** Where sources disagree: the alternative value and why this one was chosen. */
    note: z.string().min(1).optional(),
  });
}

const window = z.strictObject({ from: partialDate, to: partialDate });

const serialRange = z.strictObject({
  first: z.string().regex(/^[A-Z0-9]+$/, 'use upper-case ASCII letters and digits only'),
  last: z.string().regex(/^[A-Z0-9]+$/, 'use upper-case ASCII letters and digits only'),
});

/** A code printed on the unit, as normalised at run time: upper-case ASCII letters and digits. */
const printedCode = z.string().regex(/^[A-Z0-9]+$/, 'use upper-case ASCII letters and digits only (as normalised: PO-PP001 is POPP001)');

/** Where on the unit the holder reads the field, as the source says it ("on the back"). */
const where = z.string().min(1).optional();

/**
 * Which units of a model are recalled. Every kind is data, never a pattern: each states what the
 * holder reads off the unit and what the source says about each value of it.
 */
const scope = z.discriminatedUnion('kind', [
  /** Every unit of the model is recalled; the serial does not matter. */
  z.strictObject({ kind: z.literal('all-units') }),
  /** Published, inclusive serial ranges; a unit outside all of them is not in this recall. */
  z.strictObject({ kind: z.literal('serial-ranges'), ranges: z.array(serialRange).min(1) }),
  /** Only some units are recalled and the rule is not public: the manufacturer's checker decides. */
  z.strictObject({ kind: z.literal('unpublished') }),
  /** Recalled serials start with `prefix` and, where the source says so, have `length` characters. */
  z.strictObject({ kind: z.literal('serial-prefix'), prefix: printedCode, length: z.int().positive().optional(), where }),
  /** The recalled serials, listed one by one; they may differ in length. */
  z.strictObject({
    kind: z.literal('serial-list'),
    serials: z.array(printedCode).min(1),
    /**
     * What the source says of a serial it does not list: "only these serials" (not-recalled), or
     * nothing (unstated, the default: an unlisted serial gives verify).
     */
    unlisted: z.enum(['not-recalled', 'unstated']).optional(),
    where,
  }),
  /**
   * A marking printed on the unit (a PO number, a lot mark), its recalled values, and what the
   * source says about a unit with no marking and one with a value it does not list.
   */
  z.strictObject({
    kind: z.literal('marking-list'),
    /** What the marking is called on the notice, for the holder: "PO number". */
    marking: z.string().min(1),
    where,
    values: z.array(printedCode),
    unmarked: z.enum(['recalled', 'not-recalled', 'unstated']),
    otherValues: z.enum(['not-recalled', 'unstated']),
  }),
  /** The serial's last character decides: `recalled` lists the characters of recalled units. */
  z.strictObject({
    kind: z.literal('serial-last-character'),
    recalled: z.array(z.string().regex(/^[A-Z0-9]$/, 'one upper-case ASCII letter or digit')).min(1),
    /** True only where the source says a unit ending in any other character is not recalled. */
    othersExcluded: z.boolean(),
    where,
  }),
  /**
   * Production batches and manufacture dates, both as published. Neither can be derived from a
   * serial, so the holder has to read them off the unit or ask the manufacturer.
   */
  z.strictObject({ kind: z.literal('batch-and-date'), batches: z.array(z.string().min(1)).min(1), made: z.array(window).min(1), where }),
]);

/**
 * A constraint on serials that a source states. `excludesOtherwise` is true only where the source
 * says a unit that breaks it is not in the recall (e.g. "if the SN is not 16 characters, the
 * product is not in scope"); otherwise a mismatch only leads to "verify".
 */
const serialRule = z.discriminatedUnion('rule', [
  z.strictObject({ rule: z.literal('length'), length: z.int().positive(), excludesOtherwise: z.boolean() }),
  z.strictObject({ rule: z.literal('prefix'), prefix: z.string().regex(/^[A-Z0-9]+$/), excludesOtherwise: z.boolean() }),
  /** Characters that never occur in qualifying serials: seeing one means a misread, never a clearance. */
  z.strictObject({ rule: z.literal('never-contains'), characters: z.array(z.string().length(1)).min(1) }),
]);

/**
 * What the product holds that the holder's safety advice depends on: a lithium-ion battery (do not
 * charge it; battery disposal rules) or none (a cable or plug-in charger). Absent: not stated, and
 * the advice is worded for either.
 */
const battery = z.enum(['lithium-ion', 'none']);

const product = z.strictObject({
  model: modelCode,
  name: fact(z.string().min(1)),
  battery: fact(battery).optional(),
  /** Full SKU forms (model + variant suffix) that also identify this product, e.g. A1263016. */
  skus: fact(z.array(modelCode).min(1)).optional(),
  colours: fact(z.array(z.string().min(1)).min(1)).optional(),
  excludedColours: fact(z.array(z.string().min(1)).min(1)).optional(),
  /** Codes a seller listed the product under that are not printed on it ("listed on Amazon under PPXCW06"). */
  aliases: fact(z.array(modelCode).min(1)).optional(),
  identify: fact(z.string().min(1)).optional(),
  scope: fact(scope),
  serialRules: z.array(fact(serialRule)).optional(),
  manufactured: fact(window).optional(),
  sold: fact(window).optional(),
  units: fact(z.int().positive()).optional(),
  /** This product's own serial checker, where the recall has one per product (e.g. A3102 and A3302). */
  checkerUrl: fact(z.url({ protocol: /^https?$/ })).optional(),
});

const remedy = z.strictObject({
  kind: z.enum(['replacement', 'refund', 'gift-card', 'store-credit']),
  description: z.string().min(1),
});

const contact = z.strictObject({
  kind: z.enum(['phone', 'email', 'web', 'chat', 'wechat']),
  value: z.string().min(1),
  hours: z.string().min(1).optional(),
});

const disposal = z.strictObject({
  steps: z.array(z.string().min(1)).min(1),
  /** Where the notice says the unit must never go (reporters add general battery guidance when empty). */
  never: z.array(z.string().min(1)),
  /** The recall says: keep the unit until the manufacturer confirms the claim. */
  waitForConfirmation: z.boolean(),
});

const reference = z.strictObject({
  id: slug,
  url: z.url({ protocol: /^https?$/ }),
  title: z.string().min(1),
  publisher: z.string().min(1),
  /** An agency's or the manufacturer's own page, as opposed to press coverage of it. */
  official: z.boolean(),
});

/** Another definition this one is linked to: a recall that grew, or the same product's recall elsewhere. */
const related = z.strictObject({
  id: slug,
  relation: z.enum(['expands', 'expanded-by', 'other-jurisdiction']),
});

export const RecallSchema = z
  .strictObject({
    $schema: z.string().optional(),
    schemaVersion: z.int().positive(),
    id: slug,
    /**
     * A recall (the default), or an agency's warning about a product its firm declined to recall:
     * the unit is as unsafe, and no remedy exists.
     */
    kind: z.enum(['recall', 'warning']).optional(),
    /** Definitions of one recall in several jurisdictions share a group. */
    group: slug.optional(),
    related: z.array(related).min(1).optional(),
    brand: z.string().min(1),
    title: fact(z.string().min(1)),
    authority: fact(z.string().min(1)),
    recallNumber: fact(z.string().min(1)).optional(),
    jurisdictions: fact(z.array(jurisdiction).min(1)),
    /** Absent where no source with enough confidence gives the date. */
    announced: fact(partialDate).optional(),
    products: z.array(product).min(1),
    manufactured: fact(window).optional(),
    sold: fact(window).optional(),
    units: fact(z.int().positive()).optional(),
    hazard: fact(z.string().min(1)),
    incidents: fact(z.string().min(1)).optional(),
    /** Absent where the sources do not state the remedy (the report then says it is not on file); a warning has none. */
    remedies: z.array(fact(remedy)).min(1).optional(),
    proof: fact(z.array(z.string().min(1)).min(1)).optional(),
    /** Absent where the sources give no disposal steps for this jurisdiction. */
    disposal: fact(disposal).optional(),
    contacts: z.array(fact(contact)),
    checkerUrl: fact(z.url({ protocol: /^https?$/ })).optional(),
    references: z.array(reference).min(1),
  })
  .superRefine((recall, ctx) => {
    const ids = new Set<string>();
    recall.references.forEach((ref, i) => {
      if (ids.has(ref.id)) ctx.addIssue({ code: 'custom', path: ['references', i, 'id'], message: `duplicate reference id "${ref.id}"` });
      ids.add(ref.id);
    });
    for (const { path, refs } of factsOf(recall)) {
      refs.forEach((id, i) => {
        if (!ids.has(id)) {
          ctx.addIssue({ code: 'custom', path: [...path, 'refs', i], message: `unknown reference id "${id}": add it to "references"` });
        }
      });
    }
    const needs2 = version2Features(recall);
    if (recall.schemaVersion < 2 && needs2.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['schemaVersion'], message: `this definition needs schemaVersion 2: it uses ${needs2.join(', ')}` });
    }
    if (recall.kind === 'warning' && recall.remedies) {
      ctx.addIssue({ code: 'custom', path: ['remedies'], message: 'a warning has no recall remedy: remove "remedies", or make this a recall' });
    }
    recall.products.forEach((p, i) => {
      const s = p.scope.value;
      if (s.kind === 'serial-ranges') {
        s.ranges.forEach((r, j) => {
          const problem = rangeProblem(r.first, r.last);
          if (problem) ctx.addIssue({ code: 'custom', path: ['products', i, 'scope', 'value', 'ranges', j], message: problem });
        });
      }
    });
  });

const VERSION_1_SCOPES = new Set(['all-units', 'serial-ranges', 'unpublished']);

/** What a definition uses that schemaVersion 1 did not have: a version-1 reader would misread it. */
function version2Features(recall: { kind?: unknown; related?: unknown; announced?: unknown; remedies?: unknown; disposal?: unknown; products: { aliases?: unknown; scope: { value: { kind: string } } }[] }): string[] {
  const found: string[] = [];
  if (recall.kind !== undefined) found.push('"kind"');
  if (recall.related !== undefined) found.push('"related"');
  if (recall.announced === undefined) found.push('an absent "announced"');
  if (recall.remedies === undefined) found.push('absent "remedies"');
  if (recall.disposal === undefined) found.push('an absent "disposal"');
  if (recall.products.some((p) => p.aliases !== undefined)) found.push('"aliases"');
  for (const kind of new Set(recall.products.map((p) => p.scope.value.kind))) if (!VERSION_1_SCOPES.has(kind)) found.push(`scope kind "${kind}"`);
  return found;
}

type Path = (string | number)[];

/** Every fact in a definition with its JSON path: anything shaped { value, refs }. */
export function factsOf(node: unknown, path: Path = []): { path: Path; refs: string[] }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => factsOf(item, [...path, i]));
  if (node === null || typeof node !== 'object') return [];
  const obj = node as Record<string, unknown>;
  if ('value' in obj && Array.isArray(obj.refs)) return [{ path, refs: obj.refs as string[] }];
  return Object.entries(obj).flatMap(([key, child]) => factsOf(child, [...path, key]));
}

export const ManifestSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.int().positive(),
  datasetVersion: z.string().min(1),
  generated: z.iso.date(),
  files: z
    .array(
      z.strictObject({
        path: z.string().regex(DEFINITION_FILE_NAME, DEFINITION_FILE_NAME_RULE),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        /** Every model, SKU and alias code the file declares, with the model it belongs to: lets a check parse only the files it needs. */
        codes: z.record(modelCode, modelCode).optional(),
      }),
    )
    .min(1, 'the data set is empty: add at least one recall definition'),
});

export type RecallDefinition = z.infer<typeof RecallSchema>;
export type Product = RecallDefinition['products'][number];
export type Scope = Product['scope']['value'];
export type Battery = z.infer<typeof battery>;
export type RecallKind = NonNullable<RecallDefinition['kind']>;
export type SerialRule = NonNullable<Product['serialRules']>[number]['value'];
export type Fact<T> = { value: T; refs: string[]; confidence: 'high' | 'medium'; note?: string | undefined };
export type Reference = RecallDefinition['references'][number];
export type Manifest = z.infer<typeof ManifestSchema>;
