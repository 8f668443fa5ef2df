/** Checks shared by services that take ids and addresses from clients. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Deliberately loose: something@domain.tld. Deliverability is the mailer's business, not input validation's. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Ids are UUIDs; anything else can name nothing, so callers answer NOT_FOUND without a query. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function isEmail(value: string): boolean {
  return EMAIL.test(value);
}
