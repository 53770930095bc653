# Socket compatibility: a green socket pair, used as a plain socket would be.
from eventlet.green import socket

left, right = socket.socketpair()
left.sendall(b"ping")
print(right.recv(4).decode())
left.close()
right.close()
