import { execFileSync } from "node:child_process";
import fs from "node:fs";

export type TProcess = { pid: number; ppid: number; pgid: number; args: string };

/** Every process on the machine that is not a zombie (a zombie has stopped; only its parent has not reaped it). */
export function processes(): TProcess[] {
  const out = execFileSync("ps", ["-eo", "pid=,ppid=,pgid=,stat=,args="], { encoding: "utf8" });
  return out
    .split("\n")
    .map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/))
    .filter((match): match is RegExpMatchArray => match !== null && !match[4]!.startsWith("Z"))
    .map((match) => ({ pid: Number(match[1]), ppid: Number(match[2]), pgid: Number(match[3]), args: match[5]! }));
}

/** `root` and everything it started, however deep. */
export function tree(root: number): TProcess[] {
  const all = processes();
  const found = all.filter((p) => p.pid === root);
  for (let i = 0; i < found.length; i += 1) found.push(...all.filter((p) => p.ppid === found[i]!.pid));
  return found;
}

/** Whether `pid` still runs (a zombie does not). */
export function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}
