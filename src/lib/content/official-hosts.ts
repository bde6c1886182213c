/**
 * Where a rule's own text lives. A statute, a regulation, a regulator's
 * guidance or a platform's rule is cited from the body that makes it, never
 * from a copy: a law firm's summary, a vendor's glossary or a study site can
 * be out of date or wrong, and a reader who acts on a rule deserves its text.
 * The source register refuses such a source at any other address
 * (`source-register.ts`). Adding a host here is a reviewed change: say in the
 * commit whose official site it is.
 */

/** Kinds of source whose address must be the official one. */
export const OFFICIAL_KINDS = ["statute", "regulation", "regulator guidance", "platform help"] as const;
export type OfficialKind = (typeof OFFICIAL_KINDS)[number];

/**
 * Hosts of lawmakers and regulators. A suffix (starting with ".") matches any
 * host under it: government domains are reserved for government bodies.
 */
const LEGAL_HOSTS = [
  // Government domains, reserved for public bodies.
  ".gov",
  ".gov.uk",
  ".europa.eu",
  ".gov.au",
  ".gc.ca",
  ".go.ke",
  ".gov.ie",
  // Regulators and official publishers on ordinary domains.
  "handbook.fca.org.uk", // the FCA Handbook, the text of the UK conduct rules
  "fca.org.uk", // the Financial Conduct Authority
  "finra.org", // FINRA, the US broker-dealer regulator, and its rulebook
  "ico.org.uk", // the UK Information Commissioner's Office
  "kenyalaw.org", // Kenya's National Council for Law Reporting, the official text of Kenyan statutes
  "gmc-uk.org", // the UK General Medical Council
  "nmc.org.uk", // the UK Nursing and Midwifery Council
  "cnil.fr", // France's data protection authority
];

/** Platforms' own help centers and documentation for the features readers use; a path after the host must prefix the address's path. */
const PLATFORM_HOSTS = [
  "linkedin.com/help", // LinkedIn Help; elsewhere on linkedin.com are members' posts, not rules
  "help.linkedin.com", // LinkedIn Help's older host, still LinkedIn's own
  "docs.github.com",
  "support.google.com",
  "workspace.google.com",
  "support.microsoft.com",
  "learn.microsoft.com",
  "slack.com/help",
  "support.discord.com",
  "help.meetup.com",
  "help.x.com",
  "support.zoom.com",
  "support.apple.com",
  "help.hubspot.com",
  "knowledge.hubspot.com",
  "docs.joinmastodon.org",
  "bsky.social",
  "support.orcid.org",
  "info.orcid.org",
  "help.doximity.com",
  "help.behance.net",
  "help.dribbble.com",
  "help.researchgate.net",
  "help.calendly.com",
  "support.substack.com",
  "help.medium.com",
  "help.instagram.com",
  "www.facebook.com/help",
  "support.mozilla.org",
  "support.buffer.com",
  "help.zapier.com",
  "docs.zapier.com",
  "www.eventbrite.com/help",
  "www.eventbrite.co.nz/help", // Eventbrite's help center on a country domain
  "help.notified.com",
  "stackoverflow.com/help",
  // A platform's own pages on what it is for, where it has no help article that says so.
  "behance.net",
  "doximity.com",
  "joinmastodon.org",
  "orcid.org",
];

function matches(url: URL, rule: string): boolean {
  const host = url.hostname.toLowerCase();
  const slash = rule.indexOf("/");
  const [ruleHost, rulePath] = slash < 0 ? [rule, ""] : [rule.slice(0, slash), rule.slice(slash)];
  const hostMatches = ruleHost.startsWith(".")
    ? host.endsWith(ruleHost)
    : host === ruleHost || host === `www.${ruleHost}` || host.endsWith(`.${ruleHost}`);
  return hostMatches && (rulePath === "" || url.pathname === rulePath || url.pathname.startsWith(`${rulePath}/`));
}

/** Whether `url` is at an official address for a source of `kind`; true for kinds without the rule. */
export function isOfficialAddress(kind: string, url: string): boolean {
  if (!(OFFICIAL_KINDS as readonly string[]).includes(kind)) return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const rules = kind === "platform help" ? PLATFORM_HOSTS : LEGAL_HOSTS;
  return rules.some((rule) => matches(parsed, rule));
}

/** What an author is told when a rule is cited from a copy. */
export function officialAddressFix(kind: string): string {
  return kind === "platform help"
    ? "cite the platform's own help center page for the feature (e.g. linkedin.com/help/…, docs.github.com); if the platform is new to the handbook, add its help host to PLATFORM_HOSTS in src/lib/content/official-hosts.ts"
    : "cite the lawmaker's or regulator's own text (e.g. eur-lex.europa.eu, legislation.gov.uk, handbook.fca.org.uk, finra.org, ftc.gov, sec.gov); a new regulator's host goes in LEGAL_HOSTS in src/lib/content/official-hosts.ts";
}
