"""Free loopback ports, for the servers that the benchmark, the load test and the tests start."""

from __future__ import annotations

import socket


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now, picked by the operating system.

    Free when asked: another process could bind it before the caller does, so a server started on it fails loudly
    rather than sharing it.
    """
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
