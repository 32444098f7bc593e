"""The SOP's approval flow: the state machine, records, fingerprint, signing, gates, papers."""
