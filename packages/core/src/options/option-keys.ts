/** Passes when K lists every key of T; otherwise a type whose `missingKeys` names the keys left out. */
type CompleteKeys<T, K extends readonly PropertyKey[]> = [Exclude<keyof T, K[number]>] extends [never]
  ? unknown
  : { readonly missingKeys: Exclude<keyof T, K[number]> };

/**
 * The keys of an options interface as a runtime list that cannot drift from the interface (one table
 * per fact): `const FIT_OPTION_KEYS = optionKeys<FitOptions>()(['epochs', 'batchSize', …])` fails to
 * type-check when the list leaves out a key of FitOptions (the error names it in `missingKeys`) or
 * names a key FitOptions does not have. Curried so that T is given and the keys are inferred.
 */
export function optionKeys<T>(): <const K extends readonly (keyof T & string)[]>(keys: K & CompleteKeys<T, K>) => K {
  return (keys) => keys;
}
