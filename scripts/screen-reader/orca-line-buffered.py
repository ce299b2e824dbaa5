# Runs Debian's /usr/bin/orca unchanged, except that the file given with
# --debug-file=FILE is opened line-buffered. Orca opens it with Python's
# default 8 KiB buffer, so what it spoke reached the file seconds (or a page
# of events) late; the check reads the file while it drives the browser.
import builtins
import runpy
import sys

_open = builtins.open
_target = next(a.split("=", 1)[1] for a in sys.argv if a.startswith("--debug-file="))


def _line_buffered(file, mode="r", *args, **kwargs):
    if file == _target and "w" in mode:
        return _open(file, mode, buffering=1, encoding="utf-8")
    return _open(file, mode, *args, **kwargs)


builtins.open = _line_buffered
sys.argv[0] = "/usr/bin/orca"
runpy.run_path("/usr/bin/orca", run_name="__main__")
