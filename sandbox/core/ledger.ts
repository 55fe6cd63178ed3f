// The simulated core's state: customers keyed by main document, and every account ever opened.
// Kept as an explicit ledger so tests and demos can see duplicates a retrying console caused.

export type TMainDocument = { document_type_code: string; document_number: string; issuing_country_code: string };

export type TLedgerCustomer = {
  customerNumber: number;
  mainDocument: TMainDocument;
  firstName: string;
  lastName: string;
  wisenrollCode: string;
  /** Every wisenroll code whose core_customer call wrote this customer: a resend of one of them is a retry. */
  wisenrollCodes: string[];
  createdAt: string;
  updatedAt: string;
  /** How many accepted core_customer calls touched this customer (1 = created, never updated). */
  writes: number;
  lastBody: unknown;
};

export type TLedgerAccount = {
  accountNumber: string;
  accountProduct: string;
  productCode: string;
  customerNumber: number;
  openDate: string;
  relatedCustomerNumbers: number[];
  createdAt: string;
};

export type TAccountCount = { customerNumber: number; productCode: string; count: number; accountNumbers: string[] };

/** A create for a main document the core already had, let through because the core only flags them. */
export type TFlaggedCreate = { customerNumber: number; wisenrollCode: string; at: string };

export type TLedgerSnapshot = {
  customers: TLedgerCustomer[];
  accounts: TLedgerAccount[];
  accountCounts: TAccountCount[];
  /** (customer, product) pairs with more than one account: what a blind retry of core_product leaves behind. */
  duplicates: TAccountCount[];
  /** Creates for a known main document that a core set to `flag` merged into the existing customer. */
  flagged: TFlaggedCreate[];
};

/**
 * What the core does with a create (no customer_number) for a main document it already has, from
 * another enrollment (another wisenroll code): `refuse` as a strict core does (409 {message}), or
 * `flag`: merge it into the existing customer, as a lenient core does, and list it in the ledger.
 */
export type TDuplicateDocumentPolicy = "refuse" | "flag";

export type TCustomerWrite = {
  mainDocument: TMainDocument;
  firstName: string;
  lastName: string;
  wisenrollCode: string;
  requestedNumber: number | null;
  body: unknown;
};

export type TUpsertResult = { ok: true; customerNumber: number; created: boolean } | { ok: false; status: 400 | 409; message: string };

const documentKey = (doc: TMainDocument) =>
  [doc.document_type_code.trim().toUpperCase(), doc.document_number.trim(), doc.issuing_country_code.trim().toUpperCase()].join("|");

export class CoreLedger {
  private customers = new Map<number, TLedgerCustomer>();
  private byDocument = new Map<string, number>();
  private accounts: TLedgerAccount[] = [];
  private flagged: TFlaggedCreate[] = [];
  private nextCustomer: number;
  private nextAccount = 1;

  constructor(
    private readonly firstCustomerNumber = 100001,
    private readonly duplicateDocument: TDuplicateDocumentPolicy = "refuse",
  ) {
    this.nextCustomer = firstCustomerNumber;
  }

  /**
   * Create, or update when the number is given. Without a number, a main document the core
   * already has is the same call again when a wisenroll code that wrote it sends it (a retry after
   * a lost answer: the same number, CONTRACTS §2); from another enrollment it is a second create
   * for one person, which the policy refuses or flags.
   */
  upsertCustomer(write: TCustomerWrite, now = new Date()): TUpsertResult {
    const key = documentKey(write.mainDocument);
    const owner = this.byDocument.get(key);
    let customerNumber: number;
    if (write.requestedNumber !== null) {
      if (!this.customers.has(write.requestedNumber)) {
        return { ok: false, status: 400, message: `client_info.customer_number: customer ${write.requestedNumber} does not exist` };
      }
      if (owner !== undefined && owner !== write.requestedNumber) {
        return { ok: false, status: 400, message: `client_documents: main document already belongs to customer ${owner}` };
      }
      customerNumber = write.requestedNumber;
    } else if (owner === undefined) {
      customerNumber = this.nextCustomer++;
    } else {
      const retry = this.customers.get(owner)?.wisenrollCodes.includes(write.wisenrollCode) ?? false;
      if (!retry && this.duplicateDocument === "refuse") {
        return {
          ok: false,
          status: 409,
          message: `client_documents: a customer with this main document already exists (customer ${owner}); send client_info.customer_number to update it`,
        };
      }
      if (!retry) this.flagged.push({ customerNumber: owner, wisenrollCode: write.wisenrollCode, at: now.toISOString() });
      customerNumber = owner;
    }
    const at = now.toISOString();
    const existing = this.customers.get(customerNumber);
    this.customers.set(customerNumber, {
      customerNumber,
      mainDocument: write.mainDocument,
      firstName: write.firstName,
      lastName: write.lastName,
      wisenrollCode: write.wisenrollCode,
      wisenrollCodes: [...new Set([...(existing?.wisenrollCodes ?? []), write.wisenrollCode])],
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
      writes: (existing?.writes ?? 0) + 1,
      lastBody: write.body,
    });
    // Old main documents keep pointing at the customer, so a stale resend still finds it.
    this.byDocument.set(key, customerNumber);
    return { ok: true, customerNumber, created: !existing };
  }

  hasCustomer(customerNumber: number): boolean {
    return this.customers.has(customerNumber);
  }

  getCustomer(customerNumber: number): TLedgerCustomer | undefined {
    return this.customers.get(customerNumber);
  }

  openAccount(input: Omit<TLedgerAccount, "accountNumber" | "createdAt">, now = new Date()): TLedgerAccount {
    // Shaped like the seed's sample "000201000903": 12 digits, unique per call.
    const accountNumber = `0002${String(this.nextAccount++).padStart(8, "0")}`;
    const account = { ...input, accountNumber, createdAt: now.toISOString() };
    this.accounts.push(account);
    return account;
  }

  accountCount(customerNumber: number, productCode: string): number {
    return this.accounts.filter((a) => a.customerNumber === customerNumber && a.productCode === productCode).length;
  }

  listAccounts(): TLedgerAccount[] {
    return [...this.accounts];
  }

  listCustomers(): TLedgerCustomer[] {
    return [...this.customers.values()];
  }

  accountCounts(): TAccountCount[] {
    const counts = new Map<string, TAccountCount>();
    for (const account of this.accounts) {
      const key = `${account.customerNumber}|${account.productCode}`;
      const entry = counts.get(key) ?? { customerNumber: account.customerNumber, productCode: account.productCode, count: 0, accountNumbers: [] };
      entry.count += 1;
      entry.accountNumbers.push(account.accountNumber);
      counts.set(key, entry);
    }
    return [...counts.values()];
  }

  duplicates(): TAccountCount[] {
    return this.accountCounts().filter((entry) => entry.count > 1);
  }

  snapshot(): TLedgerSnapshot {
    return {
      customers: this.listCustomers(),
      accounts: this.listAccounts(),
      accountCounts: this.accountCounts(),
      duplicates: this.duplicates(),
      flagged: [...this.flagged],
    };
  }

  reset(): void {
    this.customers.clear();
    this.byDocument.clear();
    this.accounts = [];
    this.flagged = [];
    this.nextCustomer = this.firstCustomerNumber;
    this.nextAccount = 1;
  }
}
