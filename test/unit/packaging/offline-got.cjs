/** Stands in for `got` inside electronegativity: every request fails at once, without a connection. */
const offline = () => Promise.reject(new Error('offline: network is not used in tests'));
module.exports = Object.assign(offline, { head: offline, get: offline, default: offline });
