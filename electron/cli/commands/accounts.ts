// Commands of the accounts domain: create a court's database with its first administrator, and manage accounts.
import { existsSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { ROLE_LABELS, ROLES, parseRole, type Role } from '../../../shared/accounts/roles';
import type { UserView } from '../../../shared/api/contract';
import { passwordProblem } from '../../core/accounts/accountStore';
import { openMarkerPath } from '../../core/db/connection';
import { CliError, credentials, dbPathOf, openRuntime, print, required, withSession, type CommandSpec } from '../cliHost';
import { readNewPassword } from '../password';

export const init: CommandSpec = {
  positionals: [],
  options: { 'court-code': { type: 'string' }, 'court-name': { type: 'string' }, admin: { type: 'string' }, demo: { type: 'boolean' }, level: { type: 'string' } },
  signIn: 'newAdmin',
  async run(g, _args, v, io) {
    const courtCode = required(v, 'court-code', '法院代码，如 辽0421');
    const courtName = required(v, 'court-name', '法院名称');
    const adminName = required(v, 'admin', '首个管理员的姓名');
    const level = v.level === undefined ? undefined : String(v.level);
    if (level !== undefined && level !== 'basic' && level !== 'intermediate') throw new CliError('--level 应为 basic（基层法院）或 intermediate（中级法院）', 2);
    if (g.password === null || g.password === undefined) throw new CliError('需要首个管理员的口令：请输入，或通过环境变量 COURTDESK_PASSWORD 提供', 2);
    const problem = passwordProblem(g.password, adminName);
    if (problem) throw new CliError(`管理员口令不合要求：${problem}`, 2);
    const dbPath = dbPathOf(g);
    if (existsSync(dbPath) && statSync(dbPath).size > 0) throw new CliError(`数据库文件已存在：${dbPath}。init 不会覆盖已有数据库`, 1);
    const runtime = openRuntime(g, { allowSetup: true });
    let done = false;
    try {
      if (runtime.startupFailure) throw new CliError(runtime.startupFailure.message, 1);
      const r = await runtime.call('auth.setup', { courtCode, courtName, adminName, password: g.password, demo: !!v.demo, ...(level ? { level } : {}) }, { commandLine: true });
      if (!r.ok) throw new CliError(r.error.message, 1);
      done = true;
    } finally {
      runtime.close();
      // A refused init leaves no half-made database behind: the file did not exist before this command.
      if (!done) for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, openMarkerPath(dbPath)]) rmSync(f, { force: true });
    }
    print(io, g, { dbPath, courtCode, courtName, admin: adminName, demo: !!v.demo }, () =>
      `已创建${v.demo ? '演示' : ''}数据库 ${dbPath}：${courtName}（${courtCode}），管理员 ${adminName}${v.demo ? '；可用 courtdesk seed 填充合成案件' : ''}`);
    return 0;
  },
};

function parseRoles(text: string): Role[] {
  const roles: Role[] = [];
  for (const part of text.split(/[,，、]/).map((x) => x.trim()).filter(Boolean)) {
    const role = parseRole(part);
    if (!role) throw new CliError(`角色“${part}”不正确，应为 ${ROLES.map((r) => `${r}（${ROLE_LABELS[r]}）`).join('、')}`, 2);
    if (!roles.includes(role)) roles.push(role);
  }
  if (roles.length === 0) throw new CliError('需要 --role 角色', 2);
  return roles;
}

function describe(p: UserView): string {
  return `${p.name}\t${p.roles.map((r) => ROLE_LABELS[r]).join('、')}\t${p.division ?? '—'}\t${p.active ? '启用' : '停用'}${p.lockedUntil && p.lockedUntil > new Date().toISOString() ? '（已锁定）' : ''}`;
}

export const user: CommandSpec = {
  positionals: ['add|disable|enable|reset|judges|list', '姓名'],
  arity: [1, 2],
  options: { role: { type: 'string' }, division: { type: 'string' }, judges: { type: 'string' } },
  signIn: 'required',
  async run(g, [sub, name], v, io) {
    const needsName = sub !== 'list';
    if (!['add', 'disable', 'enable', 'reset', 'judges', 'list'].includes(sub)) throw new CliError(`未知的 user 子命令“${sub}”，应为 add、disable、enable、reset、judges 或 list`, 2);
    if (sub !== 'judges' && v.judges !== undefined) throw new CliError('--judges 只用于 user judges', 2);
    if (needsName !== (name !== undefined)) throw new CliError(needsName ? `user ${sub} 需要姓名` : 'user list 不接受姓名', 2);
    if (sub !== 'add' && (v.role !== undefined || v.division !== undefined)) throw new CliError('--role、--division 只用于 user add', 2);
    const roles = sub === 'add' ? parseRoles(required(v, 'role', '角色，如 judge 或 员额法官')) : [];
    return withSession(g, io, async ({ call }) => {
      switch (sub) {
        case 'list': {
          const all = await call('users.list', {});
          print(io, g, all, () => (all.length ? all.map(describe).join('\n') : '没有账号'));
          return 0;
        }
        case 'add': {
          // No password given: the core makes a temporary one, which must be changed at the first sign-in.
          const p = await call('users.add', { name, roles, division: typeof v.division === 'string' ? v.division : undefined });
          print(io, g, p, () => `已新增账号 ${describe(p)}\n初始口令：${p.temporaryPassword}（首次登录后须修改）`);
          return 0;
        }
        case 'judges': {
          // The judges an assistant serves, replacing the list; an empty --judges "" clears it.
          const judges = String(v.judges ?? '').split(/[,，、]/).map((x) => x.trim()).filter(Boolean);
          const p = await call('users.setJudges', { name, judges });
          print(io, g, p, () => (p.judges.length ? `${p.name} 为以下法官服务：${p.judges.join('、')}` : `${p.name} 不再对应任何法官`));
          return 0;
        }
        case 'reset': {
          const p = await call('users.resetPassword', { name });
          print(io, g, p, () => `已重置 ${p.name} 的口令：${p.temporaryPassword}（下次登录后须修改）`);
          return 0;
        }
        default: {
          const p = await call('users.setActive', { name, active: sub === 'enable' });
          print(io, g, p, () => `${sub === 'enable' ? '已启用' : '已停用'}账号 ${p.name}（账号不会被删除，历史记录仍可查阅）`);
          return 0;
        }
      }
    });
  },
};

export const password: CommandSpec = {
  positionals: [],
  options: {},
  signIn: 'required',
  async run(g, _args, _v, io) {
    const who = credentials(g);
    const next = await readNewPassword();
    if (next === null) throw new CliError('需要新口令：请在提示时输入，或通过环境变量 COURTDESK_NEW_PASSWORD 提供', 2);
    const problem = passwordProblem(next, who.name);
    if (problem) throw new CliError(`新口令不合要求：${problem}`, 2);
    await withSession(g, io, ({ call }) => call('auth.changePassword', { oldPassword: who.password, newPassword: next }));
    print(io, g, { name: who.name, changed: true }, () => `已修改 ${who.name} 的口令`);
    return 0;
  },
};

export const unlock: CommandSpec = {
  positionals: ['姓名'],
  options: {},
  // Whoever runs this holds the database file: the core allows the call from this machine's command line only.
  signIn: 'none',
  async run(g, [name], _v, io) {
    const runtime = openRuntime(g);
    try {
      if (runtime.startupFailure) throw new CliError(runtime.startupFailure.message, 1);
      const r = await runtime.call('users.unlock', { name }, { commandLine: true, osUser: osUserName() });
      if (!r.ok) throw new CliError(r.error.message, 1);
      print(io, g, r.value, () => `已解除 ${name} 的账号锁定（已记入审计日志）`);
      return 0;
    } finally {
      runtime.close();
    }
  },
};

function osUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return '未知用户';
  }
}
