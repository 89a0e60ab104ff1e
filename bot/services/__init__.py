"""The domain: plain functions and classes, no aiogram types, callable from tests."""
