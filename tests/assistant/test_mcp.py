"""The MCP server through real clients, against the real index.

The MCP SDK's own client spawns ``python -m assistant mcp`` over stdio (as a desktop assistant does) and
calls every tool; the same over streamable HTTP on a free loopback port with a bearer token; and a
LangChain agent loads the tools through ``langchain-mcp-adapters`` and calls one.

FAKE: the agent's chat model is a scripted fake (no LLM can run here); everything it calls is real.
"""

import asyncio
import json
import os
import secrets
import socket
import subprocess
import sys
import time

import httpx
import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, ToolMessage
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamablehttp_client

from ingest.settings import PROJECT_ROOT

pytestmark = pytest.mark.slow
TOKEN = secrets.token_urlsafe(24)
TOOLS = {"state_vote", "vote_tally", "states_in_position", "votes_crossed", "draft_sponsors", "group_vote", "search_passages",
         "get_unit", "list_documents", "ask"}


class FakeToolCallingChatModel(GenericFakeChatModel):
    """FAKE: replies with scripted messages (tool calls included); binding tools changes nothing."""

    def bind_tools(self, tools, **kwargs):
        return self


def server_env(settings, **extra):
    return {**os.environ, "RAPPORTEUR_DATA_DIR": str(settings.data_dir), **extra}


async def call(session, tool, **arguments):
    result = await session.call_tool(tool, arguments)
    assert not result.isError, (tool, result.content)
    return result.structuredContent


async def exercise(session):
    """Call every tool and read two resources; the raw structured results by name."""
    listed = await session.list_tools()
    out = {"tools": {t.name: t for t in listed.tools}}
    out["state_vote"] = await call(session, "state_vote", state="France", draft="draft resolution I")
    out["vote_tally"] = await call(session, "vote_tally", draft="L.37")
    out["states_in_position"] = await call(session, "states_in_position", draft="L.37", position="against")
    out["votes_crossed"] = await call(session, "votes_crossed", position_on_first="abstaining", position_on_second="abstaining")
    out["draft_sponsors"] = await call(session, "draft_sponsors", draft="L.37")
    out["group_vote"] = await call(session, "group_vote", group="EU", draft="draft resolution I")
    out["search_passages"] = await call(session, "search_passages", query="critical infrastructure", k=5)
    out["get_unit"] = await call(session, "get_unit", citation_id="A/73/505#DR-I.OP-1.6")
    out["list_documents"] = await call(session, "list_documents")
    first = await call(session, "ask", question="How did France vote on draft resolution I?")
    out["ask"] = (first, await call(session, "ask", question="And on the other draft?", conversation_id=first["conversation_id"]))
    out["bad_unit"] = await session.call_tool("get_unit", {"citation_id": "A/73/505#para-99"})
    resources = (await session.list_resources()).resources
    out["resources"] = {str(r.uri): r for r in resources}
    para7 = next(r for r in resources if r.name == "A/73/505#para-7")
    out["para7"] = json.loads((await session.read_resource(para7.uri)).contents[0].text)
    return out


def check(out):
    assert set(out["tools"]) == TOOLS
    assert all(t.description and t.outputSchema for t in out["tools"].values())
    assert out["tools"]["states_in_position"].inputSchema["properties"]["position"]["enum"] == [
        "in favour", "against", "abstaining", "not recorded"]
    vote = out["state_vote"]
    assert vote["data"]["position"] == "against" and vote["answer"].startswith("France voted against draft resolution I")
    assert vote["citations"][0]["id"] == "A/73/505#para-7" and vote["citations"][0]["label"] == "A/73/505, para. 7"
    assert "139 in favour, 11 against and 18 abstaining" in out["vote_tally"]["answer"]
    assert len(out["states_in_position"]["table"]["rows"]) == 11
    assert out["votes_crossed"]["answer"].startswith("7 Member States")
    assert [c["id"] for c in out["draft_sponsors"]["citations"]] == ["A/73/505#para-8"]
    assert "28 voted against" in out["group_vote"]["answer"]
    hits = out["search_passages"]["result"]
    assert "A/73/505#DR-I.OP-1.6" in [h["id"] for h in hits] and all(h["symbol"] == "A/73/505" and h["text"] for h in hits)
    assert out["get_unit"]["label"] == "A/73/505, draft resolution I, operative para. 1.6"
    assert [d["symbol"] for d in out["list_documents"]["result"]] == ["A/73/505"]
    first, follow = out["ask"]
    assert first["answer"]["citations"][0]["id"] == "A/73/505#para-7" and "France voted against" in first["text"]
    assert follow["conversation_id"] == first["conversation_id"] and "France voted in favour of draft resolution II" in follow["text"]
    assert out["bad_unit"].isError and "A/73/505#para-99" in out["bad_unit"].content[0].text
    assert "rapporteur://document/A%2F73%2F505" in out["resources"] and len(out["resources"]) == 1 + 94
    assert out["para7"]["id"] == "A/73/505#para-7" and "recorded vote" in out["para7"]["text"]


def test_every_tool_over_stdio(indexed_settings):
    params = StdioServerParameters(command=sys.executable, args=["-m", "assistant", "mcp"], env=server_env(indexed_settings),
                                   cwd=str(PROJECT_ROOT))

    async def run():
        async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
            started = await session.initialize()
            return started.instructions, await exercise(session)

    instructions, out = asyncio.run(asyncio.wait_for(run(), timeout=300))
    # the server tells a client what is indexed, from the records (not a description written for one report)
    assert "indexed here: A/73/505 (Developments in the field of information and telecommunications" in instructions
    check(out)


@pytest.fixture(scope="module")
def http_url(indexed_settings, tmp_path_factory, free_port):
    """``rapporteur mcp --transport http`` on a free loopback port, with a bearer token."""
    port = free_port()
    log = (tmp_path_factory.mktemp("mcp") / "server.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "assistant", "mcp", "--transport", "http", "--port", str(port)],
                               env=server_env(indexed_settings, RAPPORTEUR_MCP_TOKEN=TOKEN), stdout=log, stderr=log, cwd=PROJECT_ROOT)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.5)
    assert process.poll() is None, open(log.name).read()
    yield f"http://127.0.0.1:{port}/mcp"
    process.terminate()
    process.wait(timeout=30)
    log.close()


def test_every_tool_over_http_with_the_token(http_url):
    async def run():
        async with streamablehttp_client(http_url, headers={"Authorization": f"Bearer {TOKEN}"}) as (read, write, _), \
                ClientSession(read, write) as session:
            await session.initialize()
            return await exercise(session)

    check(asyncio.run(asyncio.wait_for(run(), timeout=300)))


def test_http_refuses_a_missing_or_wrong_token(http_url):
    hello = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
             "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "probe", "version": "1"}}}
    headers = {"Accept": "application/json, text/event-stream"}
    assert httpx.post(http_url, json=hello, headers=headers, timeout=10).status_code == 401
    wrong = {**headers, "Authorization": "Bearer not-the-token"}
    assert httpx.post(http_url, json=hello, headers=wrong, timeout=10).status_code == 401
    right = {**headers, "Authorization": f"Bearer {TOKEN}"}
    assert httpx.post(http_url, json=hello, headers=right, timeout=10).status_code == 200


def test_http_off_loopback_needs_a_token(indexed_settings):
    env = {k: v for k, v in server_env(indexed_settings).items() if k != "RAPPORTEUR_MCP_TOKEN"}
    result = subprocess.run([sys.executable, "-m", "assistant", "mcp", "--transport", "http", "--host", "0.0.0.0"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 1 and "RAPPORTEUR_MCP_TOKEN" in result.stderr and "Traceback" not in result.stderr


def test_a_langchain_agent_calls_the_vote_tools_through_the_adapters(http_url):
    from langchain.agents import create_agent
    from langchain_mcp_adapters.client import MultiServerMCPClient

    client = MultiServerMCPClient({"rapporteur": {"transport": "streamable_http", "url": http_url,
                                                  "headers": {"Authorization": f"Bearer {TOKEN}"}}})
    call_ = {"name": "state_vote", "args": {"state": "France", "draft": "draft resolution I"}, "id": "call-1"}
    model = FakeToolCallingChatModel(messages=iter([AIMessage(content="", tool_calls=[call_]),
                                                    AIMessage(content="France voted against draft resolution I (A/73/505, para. 7).")]))

    async def run():
        tools = await client.get_tools()
        agent = create_agent(model, tools)
        return tools, await agent.ainvoke({"messages": [("user", "How did France vote on draft resolution I?")]})

    tools, state = asyncio.run(asyncio.wait_for(run(), timeout=300))
    assert {t.name for t in tools} == TOOLS
    [reply] = [m for m in state["messages"] if isinstance(m, ToolMessage)]
    assert "France voted against draft resolution I" in str(reply.content) and "A/73/505#para-7" in str(reply.content)
    assert state["messages"][-1].content.startswith("France voted against")
