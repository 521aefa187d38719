/**
 * Handlebars compile options for every template newsbrief compiles: the default set at build time,
 * `newsbrief build-templates` modules and overrides. One place, so all three behave the same.
 */
export const templateCompileOptions = {} as const;
