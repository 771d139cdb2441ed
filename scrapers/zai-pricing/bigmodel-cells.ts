/**
 * Cell formats of open.bigmodel.cn/pricing, all in CNY. Flagship tables write "8元" under
 * a "(百万tokens)" header; catalogue tables write "5 元 / 百万Tokens" in the cell. "免费"
 * (free) and "限时免费" (free for a limited time) are free now. Context cells give a size
 * ("1M", "200K", "/") or length bands in thousands of tokens: "输入长度 [0, 32)" (input
 * length from 0 to 32K), "输入长度 [32+)", "输出长度 [0.2+)" (output of 200 tokens or more).
 */
import { perMillion, type DecimalString } from "../../src/domain/money.ts";

const YUAN = /^(\d+(?:\.\d+)?)\s*元(?:\s*\/\s*百万\s*tokens)?$/i;
const FREE = /^(限时)?免费$/;

/** CNY per 1M tokens, "0" when free, null when the cell is no per-token price. */
export function readYuan(text: string | undefined): DecimalString | null {
  const value = text?.trim() ?? "";
  if (FREE.test(value)) return "0";
  const amount = YUAN.exec(value);
  return amount?.[1] ? perMillion(amount[1]) : null;
}

/** A length band in thousands of tokens, [min, max) with max null for "min+". */
export interface LengthBand {
  min: number;
  max: number | null;
}

export interface ContextCell {
  input: LengthBand | null;
  output: LengthBand | null;
  /** A plain size ("1M", "128K") in tokens (K = 1,000 and M = 1,000,000, as written). */
  size: number | null;
}

const BAND = /^(输入|输出)长度\s*\[\s*(\d+(?:\.\d+)?)\s*(?:,\s*(\d+(?:\.\d+)?)\s*|\+\s*)\)$/;
const SIZE = /^(\d+(?:\.\d+)?)\s*([KM])$/i;

/** Null when a line is neither a band, a size nor "/" (no size given). */
export function readContextCell(lines: readonly string[]): ContextCell | null {
  const cell: ContextCell = { input: null, output: null, size: null };
  for (const line of lines) {
    const band = BAND.exec(line);
    const size = SIZE.exec(line);
    if (band?.[2]) {
      cell[band[1] === "输入" ? "input" : "output"] = { min: Number(band[2]), max: band[3] ? Number(band[3]) : null };
    } else if (size?.[1] && size[2]) {
      cell.size = Math.round(Number(size[1]) * (size[2].toUpperCase() === "M" ? 1_000_000 : 1_000));
    } else if (line !== "/") {
      return null;
    }
  }
  return cell;
}
