"""HTTP for the submitter's side of a conversation. The reply code travels in the body, never
in a URL, so it does not end up in anyone's access log."""

from typing import Annotated

from fastapi import APIRouter, Header, Request
from fastapi.responses import JSONResponse

from carehub_kit.db import DbSession
from carehub_kit.errors import problem_responses
from carehub_kit.idempotency import REPLAY_HEADER
from carehub_kit.identity import Actor
from feedback_api.common import settings_of
from feedback_api.items import conversation, repository
from feedback_api.items.schemas import Conversation, ItemRead, MessageRead, ReplyCodeBody, SubmitterMessageCreate
from feedback_api.permissions import Action, allowed

router = APIRouter(prefix="/v1/conversations", tags=["conversations"])

User = Annotated[Actor, allowed(Action.conversation_use)]
KeyHeader = Annotated[str | None, Header(alias="Idempotency-Key", min_length=1, max_length=255)]


@router.post("/lookup", response_model=Conversation, responses=problem_responses(401, 403, 404, 422))
async def open_conversation(body: ReplyCodeBody, session: DbSession, _actor: User) -> Conversation:
    """Your item and its replies, found by your reply code (a POST so the code stays out of URLs)."""
    item = await conversation.item_for_code(session, body.reply_code)
    messages = await repository.latest_messages(session, item.id)
    return Conversation(item=ItemRead.model_validate(item),
                        messages=[MessageRead.model_validate(m) for m in messages])


@router.post("/messages", status_code=201, response_model=MessageRead,
             responses=problem_responses(401, 403, 404, 422))
async def post_submitter_message(request: Request, body: SubmitterMessageCreate, session: DbSession, actor: User,
                                 idempotency_key: KeyHeader = None) -> JSONResponse:
    """Answer a reply to your feedback. On an anonymous item your message is anonymous too."""
    posted = await conversation.submitter_message(session, actor, body.reply_code, body.body,
                                                  secret=settings_of(request).receipt_secret,
                                                  idempotency_key=idempotency_key)
    headers = {REPLAY_HEADER: "true"} if posted.replayed else {}
    return JSONResponse(MessageRead.model_validate(posted.message).model_dump(mode="json"), status_code=201,
                        headers=headers)
