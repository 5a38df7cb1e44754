"""The screenshot action saves where its notice says, making the folder if need be."""

from __future__ import annotations

from pathlib import Path

from .helpers import demo_app, notices, settle


async def test_a_screenshot_lands_in_a_new_folder(tmp_path: Path) -> None:
    folder = tmp_path / "not" / "yet"
    app = demo_app()
    app.screenshots = folder
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.deliver_screenshot("title.svg")
        await settle(pilot)
        await app.workers.wait_for_complete()
        for _ in range(20):  # the file is written in a thread; its notice follows
            if any("Saved screenshot" in n for n in notices(app)):
                break
            await pilot.pause()
    saved = folder / "title.svg"
    assert saved.exists() and "<svg" in saved.read_text(encoding="utf-8")
    assert any(str(saved) in n for n in notices(app))
