// Posts the operator key once in an Authorization header; the silo answers with a session cookie for /ops.
'use strict';
document.getElementById('login').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = document.getElementById('key');
  const error = document.getElementById('error');
  error.textContent = '';
  try {
    const response = await fetch('/ops/session', {
      method: 'POST',
      headers: { Authorization: 'Bearer ' + input.value.trim() },
      credentials: 'same-origin',
    });
    if (response.status === 204) {
      input.value = '';
      window.location.assign('/ops/mesh');
      return;
    }
    error.textContent = response.status === 401 ? 'That key is not valid.'
      : response.status === 403 ? 'That key is not an operator key.'
        : 'Log in failed (' + response.status + ').';
  } catch (e) {
    error.textContent = 'The silo did not answer: ' + e.message;
  }
});
