"""``python -m extract ...`` is the ``policy-extract`` program."""

from .cli import main

if __name__ == "__main__":
    main()
