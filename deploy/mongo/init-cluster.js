// docker-compose.yml's mongo-init (cluster profile), run as the root user on mongo-1: forms the replica set once, then
// gives each service one user with readWrite on its own database and nothing else. Passwords come from
// CHAIRSIDE_MONGO_PASSWORD_<SERVICE>; a second run finds rs0 formed and sets the same passwords again.
const databases = {
  'lead-service': 'chairside-leads',
  'account-service': 'chairside-accounts',
  'order-service': 'chairside-orders',
  'notification-service': 'chairside-notifications',
  'reporting-service': 'chairside-reporting',
};

try {
  rs.status();
} catch (e) {
  rs.initiate({ _id: 'rs0', members: [
    { _id: 0, host: 'mongo-1:27017', priority: 2 }, { _id: 1, host: 'mongo-2:27017' }, { _id: 2, host: 'mongo-3:27017' }] });
}
while (!db.hello().isWritablePrimary) {
  sleep(500);
}

for (const [service, database] of Object.entries(databases)) {
  const variable = 'CHAIRSIDE_MONGO_PASSWORD_' + service.toUpperCase().replaceAll('-', '_');
  const password = process.env[variable];
  if (!password) {
    throw new Error(variable + ' is not set');
  }
  const target = db.getSiblingDB(database);
  const roles = [{ role: 'readWrite', db: database }];
  if (target.getUser(service) == null) {
    target.createUser({ user: service, pwd: password, roles: roles });
  } else {
    target.updateUser(service, { pwd: password, roles: roles });
  }
}
