/**
 * The consumer scenario every runtime runs against the installed package: render an edition,
 * parse + lint + render the pasted seed story, render with link parameters, render with templates
 * compiled ahead of time by `newsbrief build-templates`. Plain JavaScript with no imports of its
 * own, so Node, Bun, Deno, workerd and a browser page run the very same file; each runtime passes
 * in the module it resolved for `newsbrief`. The summary keeps every output whole, so comparing
 * two summaries compares the outputs byte for byte.
 */

/** The link parameters a newsroom's analytics would add. */
export const linkParams = { utm_source: 'newsbrief', utm_medium: 'email', utm_campaign: 'am-2026-03-14' };

/** The brand's theme, as examples/override-edition.options.json sets it beside its templates. */
export const brandTheme = { brandColor: '#00704a', linkColor: '#00704a' };

/** Everything a render result carries, as plain data (`warnings` is computed when first read). */
function outputs(result) {
  return {
    subject: result.subject,
    preheader: result.preheader,
    html: result.html,
    text: result.text,
    stats: result.stats,
    warnings: result.warnings,
    listUnsubscribe: result.listUnsubscribe ?? null,
  };
}

/**
 * @param {typeof import('newsbrief')} newsbrief the package as the runtime resolved it
 * @param {import('newsbrief').CompiledTemplates} brand the default export of a build-templates module
 * @param {{ edition: import('newsbrief').Briefing, seed: string }} inputs
 */
export async function runScenario(newsbrief, brand, inputs) {
  const { createRenderer, lintBriefing, parseBriefing, renderBriefing, toMailMessage, validateBriefing } =
    newsbrief;
  const edition = await renderBriefing(inputs.edition);
  const seed = parseBriefing(inputs.seed);
  const branded = await createRenderer({ templates: brand, theme: brandTheme });
  return {
    edition: outputs(edition),
    validation: validateBriefing(inputs.edition),
    mail: toMailMessage(edition, { from: 'Morning Brief <news@example.com>', to: 'reader@example.com' })
      .headers,
    seed: {
      parsed: seed,
      lint: lintBriefing(seed),
      rendered: outputs(await renderBriefing(seed)),
    },
    linkParams: outputs(await renderBriefing(inputs.edition, { linkParams })),
    brand: outputs(branded.render(inputs.edition)),
  };
}
