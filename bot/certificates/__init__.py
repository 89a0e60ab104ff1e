"""Certificates of the hours studied: issued once on completion (or by an organizer's hand),
rendered as an A4 PDF in the learner's language at send time, delivered through the delivery
table, and verifiable by anyone from their number (the QR code's deep link or /verify)."""
