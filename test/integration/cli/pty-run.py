"""Runs a command on a pseudo-terminal, answering prompts, and prints {"out", "code"} as JSON.
Used to test what only a terminal shows: hidden key input and the progress display.
argv[1]: the command as a JSON list; argv[2]: [[text to wait for, text to type], ...] as JSON."""
import json, os, pty, select, sys, time

command = json.loads(sys.argv[1])
answers = json.loads(sys.argv[2])
pid, fd = pty.fork()
if pid == 0:
    os.execvp(command[0], command)

out = b""
def read_some(timeout):
    global out
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return True
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        return False
    if not chunk:
        return False
    out += chunk
    return True

for expect, send in answers:
    deadline = time.time() + 30
    while expect.encode() not in out and time.time() < deadline:
        if not read_some(0.2):
            break
    os.write(fd, send.encode())
while read_some(30):
    pass
_, status = os.waitpid(pid, 0)
print(json.dumps({"out": out.decode("utf-8", "replace"), "code": os.waitstatus_to_exitcode(status)}))
