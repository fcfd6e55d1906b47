/**
 * Pictures come from outside the app (a pack imported from a file), and an SVG can carry scripts
 * or fetch remote content. We accept only plain drawings: no scripts, no embedded HTML, no event
 * handlers, no references outside the file itself. Returns the reasons it is unsafe (empty = safe).
 */
export function svgProblems(svg: string): string[] {
  const problems: string[] = [];
  const body = svg
    .replace(/^\uFEFF/, '')
    .replace(/^\s*<\?xml[^>]*\?>/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .trim();
  if (!/^<svg[\s>]/i.test(body)) problems.push('does not start with <svg>');
  if (!/<\/svg>\s*$/i.test(body)) problems.push('does not end with </svg>');
  if (/<!DOCTYPE|<!ENTITY/i.test(body)) problems.push('DOCTYPE or ENTITY declaration');
  if (/<!\[CDATA\[/i.test(body)) problems.push('CDATA section');
  // With or without a namespace prefix (`<svg:script>` runs too).
  if (
    /<\s*(?:[\w.-]+:)?(script|foreignObject|iframe|object|embed|image|feImage|audio|video|a|animate|set|animateMotion|animateTransform|handler|listener)[\s/>]/i.test(
      body,
    )
  )
    problems.push('forbidden element');
  if (/\s(?:[\w.-]+:)?on[a-z]+\s*=/i.test(body)) problems.push('event handler attribute');
  // href (and xlink:href) may only point inside the file: href="#id".
  for (const m of body.matchAll(/(?:xlink:)?href\s*=\s*("([^"]*)"|'([^']*)')/gi)) {
    const target = (m[2] ?? m[3] ?? '').trim();
    if (!target.startsWith('#')) problems.push(`external reference ${target.slice(0, 40)}`);
  }
  for (const m of body.matchAll(/url\(\s*(['"]?)([^)'"]*)\1\s*\)/gi)) {
    if (!m[2]!.trim().startsWith('#')) problems.push(`external url(${m[2]!.slice(0, 40)})`);
  }
  if (/@import/i.test(body)) problems.push('@import in style');
  if (/javascript:|data:/i.test(body)) problems.push('javascript: or data: URL');
  return problems;
}
