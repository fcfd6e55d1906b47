/**
 * The community translation tool for the province content team (README: "Community translations"):
 *   check SUBMISSION…                                       list what each submission holds
 *   sign --key FILE --version N --issuer NAME --out FILE SUBMISSION…
 *                                                           sign the accepted submissions into a .dhscommunity pack
 * The key is the guide packs' signing key (`guides-pack keygen`): points already trust it.
 * Run with: npm run community-pack -- <command>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { submissionFile, type SubmissionFile } from '#shared/community/pack-format';
import { buildCommunityPack } from '#core/community/pack';

function option(args: string[], name: string): string {
  const at = args.indexOf(name);
  const value = at >= 0 ? args[at + 1] : undefined;
  if (!value) throw new Error(`missing ${name}`);
  return value;
}

/** Files given after the options (every argument that is neither an option nor its value). */
function inputs(args: string[]): string[] {
  const files: string[] = [];
  for (let i = 1; i < args.length; i++) {
    if (args[i]!.startsWith('--')) i++;
    else files.push(args[i]!);
  }
  return files;
}

export function readSubmission(file: string): SubmissionFile {
  const parsed = submissionFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `${file}: not a community submission (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`,
    );
  return parsed.data;
}

export function main(args: string[]): void {
  const [command] = args;
  const files = inputs(args);
  if (command === 'check' && files.length) {
    for (const file of files) {
      const s = readSubmission(file);
      const recorded = s.items.filter((i) => i.audio).length;
      const checked = s.items.filter((i) => i.reviewerName).length;
      console.log(
        `${file}: ${s.commune} (${s.point}), ${s.items.length} texts, ${recorded} recorded, ${checked} checked by a second speaker`,
      );
      for (const i of s.items)
        console.log(
          `  ${i.language}  ${i.key}  by ${i.translatorName}${i.reviewerName ? `, checked by ${i.reviewerName}` : ''}${i.audio ? ', recorded' : ''}`,
        );
    }
  } else if (command === 'sign' && files.length) {
    const version = Number(option(args, '--version'));
    if (!Number.isInteger(version) || version < 1)
      throw new Error('--version must be a whole number ≥ 1, higher than the last pack sent');
    const pack = buildCommunityPack(files.map(readSubmission), {
      version,
      issuer: option(args, '--issuer'),
      issued: new Date().toISOString().slice(0, 10),
      privatePem: readFileSync(option(args, '--key'), 'utf8'),
    });
    writeFileSync(option(args, '--out'), pack);
    console.log(`pack ${version}: ${files.length} submission(s) signed into ${option(args, '--out')}`);
  } else {
    console.log(
      'usage: community-pack check SUBMISSION… | sign --key FILE --version N --issuer NAME --out FILE SUBMISSION…',
    );
    process.exitCode = 2;
  }
}

if (process.argv[1] && /community-pack\.[tj]s$/.test(process.argv[1])) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
