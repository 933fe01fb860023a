from briefing.cli import cli

cli(prog_name="briefing")
