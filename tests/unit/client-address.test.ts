import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { clientAddress, markSocketAddressStamped, SOCKET_ADDRESS_HEADER } from "@/lib/auth/client-address";
import {
  accountDelaySeconds,
  ACCOUNT_FAILURES_BEFORE_DELAY,
  MAX_ACCOUNT_DELAY_SECONDS,
} from "@/lib/auth/throttle";

const request = (socket: string, xff?: string) =>
  new Headers({ [SOCKET_ADDRESS_HEADER]: socket, ...(xff ? { "x-forwarded-for": xff } : {}) });

beforeAll(() => markSocketAddressStamped());
afterEach(() => {
  delete process.env.TRUSTED_PROXIES;
});

describe("clientAddress", () => {
  it("is the socket address without trusted proxies, whatever X-Forwarded-For says", () => {
    expect(clientAddress(request("203.0.113.9"))).toBe("203.0.113.9");
    expect(clientAddress(request("203.0.113.9", "1.2.3.4"))).toBe("203.0.113.9");
    expect(clientAddress(request("::ffff:203.0.113.9", "1.2.3.4, 5.6.7.8"))).toBe("203.0.113.9");
  });

  it("counts trusted proxies from the right, never taking the left-most entry", () => {
    process.env.TRUSTED_PROXIES = "1";
    // nginx at 10.0.0.2 appended the client it saw; the client made up 1.2.3.4.
    expect(clientAddress(request("10.0.0.2", "1.2.3.4, 198.51.100.7"))).toBe("198.51.100.7");
    expect(clientAddress(request("10.0.0.2", "198.51.100.7"))).toBe("198.51.100.7");
    process.env.TRUSTED_PROXIES = "2";
    expect(clientAddress(request("10.0.0.3", "1.2.3.4, 198.51.100.7, 10.0.0.2"))).toBe("198.51.100.7");
  });

  it("ignores what cannot be an address", () => {
    process.env.TRUSTED_PROXIES = "1";
    expect(clientAddress(request("10.0.0.2", "<script>"))).toBeNull();
    expect(clientAddress(new Headers())).toBeNull();
  });
});

describe("accountDelaySeconds", () => {
  it("is nothing below the threshold, then doubles up to a cap", () => {
    expect(accountDelaySeconds(ACCOUNT_FAILURES_BEFORE_DELAY - 1)).toBe(0);
    expect(accountDelaySeconds(ACCOUNT_FAILURES_BEFORE_DELAY)).toBe(1);
    expect(accountDelaySeconds(ACCOUNT_FAILURES_BEFORE_DELAY + 3)).toBe(8);
    expect(accountDelaySeconds(ACCOUNT_FAILURES_BEFORE_DELAY + 40)).toBe(MAX_ACCOUNT_DELAY_SECONDS);
  });
});
