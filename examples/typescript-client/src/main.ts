// Records, lists page by page, and deletes payments through a client typed from the service's OpenAPI document.
// PAYMENTS_API_URL (e.g. http://localhost:8080) and PAYMENTS_API_KEY (a df_ website key) say where and as whom.
import createClient from "openapi-fetch";
import type { components, paths } from "./api.js";

type Payment = components["schemas"]["Payment"];

const baseUrl = process.env["PAYMENTS_API_URL"] ?? "http://localhost:8080";
const key = process.env["PAYMENTS_API_KEY"];
if (!key) {
  throw new Error("set PAYMENTS_API_KEY to a df_ website key");
}
// the JSON responses (GET /api/v1/payments also answers text/csv, to a client that asks for it)
const api = createClient<paths, "application/json">({ baseUrl, headers: { Authorization: `Bearer ${key}` } });

const run = `ts_${Date.now()}`;
const visitor = `${run}_visitor`;

async function record(transactionId: string, amount: number): Promise<string> {
  const { data, error, response } = await api.POST("/api/v1/payments", {
    body: { amount, currency: "usd", transaction_id: transactionId, datafast_visitor_id: visitor },
  });
  if (error) {
    throw new Error(`recording ${transactionId}: ${response.status} ${error.error.message}`);
  }
  return data.message;
}

async function listAll(): Promise<Payment[]> {
  const payments: Payment[] = [];
  let cursor: string | undefined;
  do {
    const { data, error } = await api.GET("/api/v1/payments", {
      params: { query: { datafast_visitor_id: visitor, limit: 2, ...(cursor ? { cursor } : {}) } },
    });
    if (error) {
      throw new Error(`listing: ${error.error.code} ${error.error.message}`);
    }
    payments.push(...data.data);
    cursor = data.pagination.next_cursor ?? undefined;
  } while (cursor);
  return payments;
}

async function remove(transactionId: string): Promise<number> {
  const { data, error, response } = await api.DELETE("/api/v1/payments", {
    params: { query: { transaction_id: transactionId } },
  });
  if (error) {
    return response.status;
  }
  return data.data[0]?.deleted ?? 0;
}

function check(condition: boolean, message: string): void {
  if (!condition) {
    throw new Error(message);
  }
}

const ids = [`${run}_1`, `${run}_2`, `${run}_3`];
for (const [index, id] of ids.entries()) {
  check((await record(id, 10 + index)) === "Payment recorded", `${id} not recorded`);
}
check((await record(ids[0] ?? "", 10)) === "Payment already recorded; duplicate skipped", "no duplicate");

const listed = await listAll();
check(listed.length === 3, `listed ${listed.length} payments over pages of 2, not 3`);
for (const payment of listed) {
  check(payment.currency === "USD" && payment.datafast_visitor_id === visitor, "stored differently");
  const customer: string | null = payment.customer_email; // nullable, as the document says
  check(customer === null, "a customer email nobody sent");
}

check((await remove(ids[1] ?? "")) === 1, "not deleted");
check((await remove(ids[1] ?? "")) === 404, "deleted twice");
check((await listAll()).length === 2, "the deleted payment is still listed");
console.log(`typed client: recorded 3, listed them over 2 pages, deleted 1 (${run})`);
