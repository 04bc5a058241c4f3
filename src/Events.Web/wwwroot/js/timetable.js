// The timetable grid's gestures: drag a session to another time, room or day, drag its bottom edge to resize it,
// drag over an empty slot to create one, and the keyboard way (arrows move, Shift+arrows resize, Enter opens).
// Only gestures live here: every change goes to .NET (ProgramGrid), which saves it through the program service.
// Loaded as a module (no inline script: the app's CSP allows only its own origin and a nonce).

const SNAP = 5;
const THRESHOLD = 4;

function snap(minutes) {
    return Math.round(minutes / SNAP) * SNAP;
}

export function attach(root, dotnet) {
    const ppm = parseFloat(root.dataset.ppm || "1.6");
    let drag = null;
    let suppressClick = false;

    function columnAt(x, y) {
        for (const el of document.elementsFromPoint(x, y)) {
            if (el.dataset && el.dataset.testid === "tray") return { tray: el };
            if (el.dataset && el.dataset.day) return { day: el.dataset.day };
            if (el.classList && el.classList.contains("tt-col")) return { col: parseInt(el.dataset.col, 10), el };
        }
        return null;
    }

    function clearTargets() {
        root.querySelectorAll(".tt-col.is-target").forEach(el => el.classList.remove("is-target"));
        document.querySelectorAll("[data-day].is-target, [data-testid=tray].is-target").forEach(el => el.classList.remove("is-target"));
    }

    function onPointerDown(e) {
        if (e.button !== 0) return;
        const block = e.target.closest(".tt-block");
        const col = e.target.closest(".tt-col");
        if (!col) return;
        if (block && e.target.closest("[data-resize]")) {
            drag = { mode: "resize", block, startY: e.clientY, height: block.offsetHeight, styleHeight: block.style.height, moved: false };
        } else if (block) {
            drag = { mode: "move", block, startX: e.clientX, startY: e.clientY, moved: false };
        } else if (e.pointerType !== "touch") {
            // Touch keeps panning the grid; touch users create with the "new session" button.
            const top = e.clientY - col.getBoundingClientRect().top;
            drag = { mode: "create", col, from: snap(top / ppm), to: snap(top / ppm), startY: e.clientY, moved: false, ghost: null };
        } else {
            return;
        }
        drag.pointerId = e.pointerId;
    }

    function onPointerMove(e) {
        if (!drag || e.pointerId !== drag.pointerId) return;
        const dy = e.clientY - drag.startY;
        const dx = drag.startX === undefined ? 0 : e.clientX - drag.startX;
        if (!drag.moved && Math.abs(dy) < THRESHOLD && Math.abs(dx) < THRESHOLD) return;
        if (!drag.moved) {
            // Captured only once it is a drag: a plain press and release stays a click on the block (it opens the session),
            // and a drag keeps its events when it leaves the grid for a day button.
            drag.moved = true;
            root.setPointerCapture(e.pointerId);
        }
        e.preventDefault();
        if (drag.mode === "move") {
            const minutes = snap(dy / ppm);
            drag.block.classList.add("is-dragging");
            drag.block.style.transform = `translate(${dx}px, ${minutes * ppm}px)`;
            clearTargets();
            const target = columnAt(e.clientX, e.clientY);
            if (target && target.el) target.el.classList.add("is-target");
            else if (target && target.tray) target.tray.classList.add("is-target");
            else if (target && target.day) document.querySelector(`[data-day="${target.day}"]`)?.classList.add("is-target");
        } else if (drag.mode === "resize") {
            const minutes = snap(dy / ppm);
            drag.block.classList.add("is-dragging");
            drag.block.style.height = Math.max(SNAP * ppm, drag.height + minutes * ppm) + "px";
        } else if (drag.mode === "create") {
            const top = e.clientY - drag.col.getBoundingClientRect().top;
            drag.to = snap(top / ppm);
            if (!drag.ghost) {
                drag.ghost = document.createElement("div");
                drag.ghost.className = "tt-ghost";
                drag.col.appendChild(drag.ghost);
            }
            const a = Math.min(drag.from, drag.to), b = Math.max(drag.from, drag.to);
            drag.ghost.style.top = a * ppm + "px";
            drag.ghost.style.height = Math.max(SNAP, b - a) * ppm + "px";
        }
    }

    async function onPointerUp(e) {
        if (!drag || e.pointerId !== drag.pointerId) return;
        const d = drag;
        drag = null;
        if (root.hasPointerCapture(e.pointerId)) root.releasePointerCapture(e.pointerId);
        clearTargets();
        if (!d.moved) return;
        suppressClick = true;
        setTimeout(() => suppressClick = false, 0);
        const dy = e.clientY - d.startY;
        try {
            if (d.mode === "move") {
                const id = parseInt(d.block.dataset.session, 10);
                const target = columnAt(e.clientX, e.clientY);
                if (target && target.tray) await dotnet.invokeMethodAsync("DropOnTray", id);
                else if (target && target.day) await dotnet.invokeMethodAsync("DropOnDay", id, target.day);
                else if (target && target.el) await dotnet.invokeMethodAsync("Drop", id, target.col, snap(dy / ppm));
            } else if (d.mode === "resize") {
                await dotnet.invokeMethodAsync("Resize", parseInt(d.block.dataset.session, 10), snap(dy / ppm));
            } else if (d.mode === "create") {
                await dotnet.invokeMethodAsync("Create", parseInt(d.col.dataset.col, 10), d.from, d.to);
            }
        } finally {
            if (d.block) {
                d.block.style.transform = "";
                if (d.mode === "resize") d.block.style.height = d.styleHeight;
                d.block.classList.remove("is-dragging");
            }
            d.ghost?.remove();
        }
    }

    function onPointerCancel() {
        if (!drag) return;
        if (drag.block) {
            drag.block.style.transform = "";
            if (drag.mode === "resize") drag.block.style.height = drag.styleHeight;
            drag.block.classList.remove("is-dragging");
        }
        drag.ghost?.remove();
        clearTargets();
        drag = null;
    }

    // The unscheduled tray (outside the grid): an entry dragged into a session or onto an empty place of a column.
    let tray = null;

    function onTrayDown(e) {
        if (e.button !== 0) return;
        const entry = e.target.closest && e.target.closest(".tt-tray-entry");
        if (!entry) return;
        tray = { entry, startX: e.clientX, startY: e.clientY, moved: false, ghost: null, pointerId: e.pointerId };
    }

    function trayTarget(x, y) {
        let block = null;
        for (const el of document.elementsFromPoint(x, y)) {
            if (el.classList && el.classList.contains("tt-block") && !block) block = el;
            if (el.classList && el.classList.contains("tt-col") && root.contains(el)) {
                const minute = snap((y - el.getBoundingClientRect().top) / ppm);
                return { col: parseInt(el.dataset.col, 10), minute, el, block };
            }
        }
        return null;
    }

    function onTrayMove(e) {
        if (!tray || e.pointerId !== tray.pointerId) return;
        if (!tray.moved && Math.abs(e.clientX - tray.startX) < THRESHOLD && Math.abs(e.clientY - tray.startY) < THRESHOLD) return;
        if (!tray.moved) {
            tray.moved = true;
            tray.ghost = document.createElement("div");
            tray.ghost.className = "tt-tray-ghost";
            tray.ghost.textContent = tray.entry.dataset.title || tray.entry.textContent;
            document.body.appendChild(tray.ghost);
        }
        e.preventDefault();
        tray.ghost.style.left = e.clientX + 8 + "px";
        tray.ghost.style.top = e.clientY + 8 + "px";
        clearTargets();
        root.querySelectorAll(".tt-block.is-target").forEach(el => el.classList.remove("is-target"));
        const t = trayTarget(e.clientX, e.clientY);
        if (t && t.block && tray.entry.dataset.trayKind === "Paper") t.block.classList.add("is-target");
        else if (t) t.el.classList.add("is-target");
    }

    async function onTrayUp(e) {
        if (!tray || e.pointerId !== tray.pointerId) return;
        const t = tray.moved ? trayTarget(e.clientX, e.clientY) : null;
        const entry = tray.entry;
        tray.ghost?.remove();
        const moved = tray.moved;
        tray = null;
        clearTargets();
        root.querySelectorAll(".tt-block.is-target").forEach(el => el.classList.remove("is-target"));
        if (!moved) return;
        // The click that ends the drag must not select the entry.
        entry.dataset.dragged = "true";
        setTimeout(() => delete entry.dataset.dragged, 0);
        if (!t) return;
        const session = t.block ? parseInt(t.block.dataset.session, 10) : 0;
        await dotnet.invokeMethodAsync("DropTray", entry.dataset.trayKind, parseInt(entry.dataset.trayId, 10), t.col, t.minute, session);
    }

    function onTrayClick(e) {
        const entry = e.target.closest && e.target.closest(".tt-tray-entry");
        if (entry && entry.dataset.dragged) {
            e.stopPropagation();
            e.preventDefault();
        }
    }

    // A drag ends with a click on the block under the pointer; it must not open the session.
    function onClick(e) {
        if (suppressClick) {
            e.stopPropagation();
            e.preventDefault();
        }
    }

    async function onKeyDown(e) {
        const block = e.target.closest && e.target.closest(".tt-block");
        if (!block) return;
        const id = parseInt(block.dataset.session, 10);
        let args = null;
        switch (e.key) {
            case "ArrowUp": args = e.shiftKey ? [0, 0, -SNAP] : [0, -SNAP, 0]; break;
            case "ArrowDown": args = e.shiftKey ? [0, 0, SNAP] : [0, SNAP, 0]; break;
            case "ArrowLeft": if (!e.shiftKey) args = [-1, 0, 0]; break;
            case "ArrowRight": if (!e.shiftKey) args = [1, 0, 0]; break;
        }
        if (!args) return;
        e.preventDefault();
        // .NET puts the focus back on the session once the grid is redrawn.
        await dotnet.invokeMethodAsync("Nudge", id, ...args);
    }

    function focus(id) {
        // The grid is redrawn after the save; focus the session's new block once it is there.
        requestAnimationFrame(() => root.querySelector(`.tt-block[data-session="${id}"]`)?.focus());
    }

    root.addEventListener("pointerdown", onPointerDown);
    root.addEventListener("pointermove", onPointerMove);
    root.addEventListener("pointerup", onPointerUp);
    root.addEventListener("pointercancel", onPointerCancel);
    root.addEventListener("click", onClick, true);
    root.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onTrayDown);
    document.addEventListener("pointermove", onTrayMove);
    document.addEventListener("pointerup", onTrayUp);
    document.addEventListener("click", onTrayClick, true);
    // Gestures work from here on (tests and assistive tools can wait for it).
    root.dataset.ready = "true";

    return {
        focus,
        dispose() {
            root.removeEventListener("pointerdown", onPointerDown);
            root.removeEventListener("pointermove", onPointerMove);
            root.removeEventListener("pointerup", onPointerUp);
            root.removeEventListener("pointercancel", onPointerCancel);
            root.removeEventListener("click", onClick, true);
            root.removeEventListener("keydown", onKeyDown);
            document.removeEventListener("pointerdown", onTrayDown);
            document.removeEventListener("pointermove", onTrayMove);
            document.removeEventListener("pointerup", onTrayUp);
            document.removeEventListener("click", onTrayClick, true);
        },
    };
}
