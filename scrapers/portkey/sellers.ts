/**
 * Portkey names the seller by the pricing file (`pricing/<provider>.json`); its slugs go
 * through canonicalProviderId. Two pairs of files name one seller (zhipu and z-ai, azure-ai and azure-openai): where both
 * price the same offering, the file named here is kept.
 */
import { canonicalProviderId } from "../../src/domain/providers.ts";

const PREFERRED_FILE_OF_PROVIDER: Record<string, string> = {
  zai: "z-ai",
  azure: "azure-openai",
};

/** `pricing/openai.json` or its raw GitHub URL -> "openai"; null when the name is not a pricing file. */
export function providerFileOf(documentName: string): string | null {
  return /(?:^|\/)([a-z0-9-]+)\.json$/i.exec(documentName)?.[1] ?? null;
}

export function portkeyProviderId(providerFile: string): string {
  return canonicalProviderId(providerFile);
}

export function isPreferredFile(providerId: string, providerFile: string): boolean {
  return (PREFERRED_FILE_OF_PROVIDER[providerId] ?? providerFile) === providerFile;
}
