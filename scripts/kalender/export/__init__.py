"""The upload bundle of one week: what goes in, and the zip."""
