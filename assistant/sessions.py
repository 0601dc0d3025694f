"""Conversations by id for clients that are not a browser session: the JSON API and the MCP ``ask`` tool.

A conversation id is issued by the server (unguessable, ``secrets.token_urlsafe``), so one client cannot
continue another's conversation by guessing. Questions in one conversation are answered one at a time
(a lock per conversation); different conversations are answered concurrently: ``Assistant.answer`` only
reads shared state (checked by tests/assistant/test_concurrency.py). Beyond ``capacity`` the least
recently used conversation is forgotten.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict

from assistant.conversation import Conversation
from assistant.service import Assistant
from assistant.views import AskReply

CAPACITY = 10_000


class UnknownConversation(KeyError):
    """A conversation id the server did not issue, or has forgotten."""


class Sessions:
    """Thread-safe store of conversations, least recently used first out.

    Args:
        assistant: answers the questions.
        capacity: conversations kept; the least recently used beyond it is dropped.
    """

    def __init__(self, assistant: Assistant, capacity: int = CAPACITY) -> None:
        self.assistant = assistant
        self.capacity = capacity
        self._lock = threading.Lock()
        self._items: OrderedDict[str, tuple[threading.Lock, Conversation]] = OrderedDict()

    def __len__(self) -> int:
        """Conversations held."""
        return len(self._items)

    def _add(self, conversation_id: str) -> None:
        """Hold a new conversation under ``conversation_id`` (with ``_lock`` held), forgetting the oldest beyond capacity."""
        self._items[conversation_id] = (threading.Lock(), Conversation())
        while len(self._items) > self.capacity:
            self._items.popitem(last=False)

    def _take(self, conversation_id: str | None) -> tuple[str, threading.Lock, Conversation]:
        with self._lock:
            if conversation_id is None:
                conversation_id = secrets.token_urlsafe(16)
                self._add(conversation_id)
            elif conversation_id not in self._items:
                raise UnknownConversation(conversation_id)
            self._items.move_to_end(conversation_id)
            lock, conversation = self._items[conversation_id]
            return conversation_id, lock, conversation

    def open(self, conversation_id: str | None = None) -> str:
        """Start a conversation under ``conversation_id`` (an in-process caller's own name) or a new unguessable id.

        Remote clients never choose ids (they get one from ``ask``); a caller in this process may, as it owns the store.
        Opening an id that exists keeps that conversation.
        """
        with self._lock:
            conversation_id = conversation_id or secrets.token_urlsafe(16)
            if conversation_id not in self._items:
                self._add(conversation_id)
            return conversation_id

    def ask(self, question: str, conversation_id: str | None = None) -> AskReply:
        """Answer ``question`` in a conversation (a new one when ``conversation_id`` is None).

        Returns:
            The reply with the conversation's id (to pass back for a follow-up), the answer's text and its record.

        Raises:
            UnknownConversation: if ``conversation_id`` was not issued here or has been forgotten.
        """
        cid, lock, conversation = self._take(conversation_id)
        with lock:
            answer = self.assistant.answer(question, conversation)
        return AskReply(conversation_id=cid, text=answer.text, answer=answer)
