// The roles a fault action names (`{ role: leader }` anywhere in its plain data: a node field, a
// partition group), in the order they appear, each once. Works for every fault kind's action.

export function rolesIn(action: object): string[] {
  const roles: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value !== null && typeof value === 'object') {
      const role = (value as { role?: unknown }).role;
      if (typeof role === 'string' && Object.keys(value).length === 1) {
        if (!roles.includes(role)) roles.push(role);
        return;
      }
      Object.values(value).forEach(visit);
    }
  };
  visit(action);
  return roles;
}
