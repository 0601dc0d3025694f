"""``python -m assistant`` runs the ``rapporteur`` command line."""

from assistant.cli import main

main()
