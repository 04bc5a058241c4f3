// The check-in desk (CheckInDesk.razor). A static page, so it keeps working on a poor connection: each scan gets an id
// on the device, scans made offline wait in localStorage and are sent when the connection is back, and the server
// counts a scan id (and a person) once however often it arrives. jsQR (wwwroot/lib/jsqr) decodes camera frames and images.
(() => {
    'use strict';
    let jsQrLoading = null;

    function loadJsQr() {
        if (window.jsQR) return Promise.resolve(window.jsQR);
        jsQrLoading ??= new Promise((resolve, reject) => {
            const script = document.createElement('script');
            script.src = '/lib/jsqr/jsQR.js';
            script.onload = () => resolve(window.jsQR);
            script.onerror = reject;
            document.head.appendChild(script);
        });
        return jsQrLoading;
    }

    function init() {
        const root = document.getElementById('checkin');
        if (!root || root.dataset.ready) return;
        root.dataset.ready = '1';
        const texts = JSON.parse(root.dataset.texts || '{}');
        const token = root.querySelector('input[name="__RequestVerificationToken"]')?.value || '';
        const session = Number(root.dataset.session || 0);
        const queueKey = `events.checkin.queue.${root.dataset.event}`;
        const el = (id) => document.getElementById(id);
        const result = el('checkin-result');
        const pending = el('checkin-pending');
        const codeInput = el('checkin-code');
        const searchInput = el('checkin-search');
        const hits = el('checkin-hits');
        const video = el('checkin-video');
        const canvas = el('checkin-canvas');
        const cameraButton = el('checkin-camera');
        let stream = null;
        let lastCode = '';
        let lastCodeAt = 0;
        let flushing = false;

        const queue = () => { try { return JSON.parse(localStorage.getItem(queueKey) || '[]'); } catch { return []; } };
        const saveQueue = (items) => {
            localStorage.setItem(queueKey, JSON.stringify(items));
            showPending();
        };
        const newId = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);

        function showPending() {
            const n = queue().length;
            pending.hidden = n === 0;
            pending.textContent = n === 0 ? '' : (texts.pending || '{0}').replace('{0}', n);
        }

        function clear(node) {
            while (node.firstChild) node.removeChild(node.firstChild);
        }

        function line(parent, cls, text) {
            if (!text) return;
            const p = document.createElement('p');
            p.className = cls;
            p.textContent = text;
            parent.appendChild(p);
        }

        function show(answer, ms) {
            clear(result);
            result.dataset.outcome = answer.outcome;
            result.className = `checkin-result outcome-${answer.outcome.toLowerCase()}`;
            line(result, 'checkin-message', answer.message);
            const p = answer.person;
            if (p) {
                line(result, 'checkin-name', p.name);
                // The badge's band as printed (its colour and label), then the category when it reads otherwise.
                line(result, 'checkin-band', [...new Set([p.bandLabel, p.category].filter(Boolean))].join(' · '));
                const band = result.querySelector('.checkin-band');
                if (band && p.bandColour) {
                    band.style.setProperty('--band', p.bandColour);
                    band.style.setProperty('--band-text', p.bandText || '#fff');
                    band.dataset.colour = p.bandColour;
                }
                line(result, 'checkin-org', [p.organization, p.title].filter(Boolean).join(' · '));
                line(result, 'checkin-phone', p.phone);
                const notes = document.createElement('p');
                notes.className = 'checkin-notes';
                for (const [cls, text, value] of [['checkin-door', p.note ? (texts.note || '{0}').replace('{0}', p.note) : '', ''], ['checkin-diet', p.diet ? (texts.diet || '{0}').replace('{0}', p.diet) : '', ''],
                    ['checkin-payment', p.paymentLabel ? (texts.payment || '{0}').replace('{0}', p.paymentLabel) : '', p.payment || '']]) {
                    if (!text) continue;
                    const tag = document.createElement('span');
                    tag.className = `checkin-note ${cls}`;
                    if (value) tag.dataset.state = value.toLowerCase();
                    tag.textContent = text;
                    notes.appendChild(tag);
                }
                if (notes.firstChild) result.appendChild(notes);
            }
            if (ms !== undefined) result.dataset.ms = String(Math.round(ms));
        }

        function showText(outcome, text) {
            clear(result);
            result.dataset.outcome = outcome;
            result.className = `checkin-result outcome-${outcome.toLowerCase()}`;
            line(result, 'checkin-message', text);
        }

        async function post(body) {
            const response = await fetch(root.dataset.scanUrl, {
                method: 'POST',
                credentials: 'same-origin',
                headers: { 'Content-Type': 'application/json', 'RequestVerificationToken': token },
                body: JSON.stringify(body),
            });
            if (!response.ok) {
                const error = new Error(`HTTP ${response.status}`);
                error.status = response.status;
                throw error;
            }
            return response.json();
        }

        function enqueue(body) {
            const items = queue();
            items.push(body);
            saveQueue(items);
            showText('Queued', texts.offlineQueued);
        }

        async function submit(body) {
            body.clientScanId = newId();
            body.sessionId = session;
            body.scannedAt = new Date().toISOString();
            if (!navigator.onLine) {
                enqueue(body);
                return;
            }
            const started = performance.now();
            try {
                show(await post(body), performance.now() - started);
                refreshCounts();
            } catch (error) {
                if (error.status === undefined || error.status >= 500) enqueue(body);
                else showText('Error', texts.error);
            }
        }

        // Sends the scans kept on the device, oldest first; each keeps its id, so one the server already has counts once.
        async function flush() {
            if (flushing || !navigator.onLine) return;
            flushing = true;
            try {
                while (queue().length > 0) {
                    const item = queue()[0];
                    try {
                        show(await post(item));
                    } catch (error) {
                        if (error.status === undefined || error.status >= 500) return;
                        showText('Error', texts.error);
                    }
                    saveQueue(queue().slice(1));
                }
                refreshCounts();
            } finally {
                flushing = false;
            }
        }

        function showCounts(counts) {
            const box = el('checkin-counts');
            clear(box);
            for (const c of counts) {
                const span = document.createElement('span');
                span.className = `checkin-count band-${c.band.toLowerCase()}`;
                span.dataset.band = c.band;
                // Each count wears its badge band's colour, as printed on the badges of that category.
                if (c.colour) {
                    span.style.setProperty('--band', c.colour);
                    span.style.setProperty('--band-text', c.textColour || '#fff');
                }
                span.textContent = (texts.counts || '{0} {1}/{2}').replace('{0}', c.label).replace('{1}', c.checkedIn).replace('{2}', c.registered);
                box.appendChild(span);
            }
        }

        // The counts are pushed (server-sent events after each check-in on any device); polling is only the fallback
        // while the stream is down, and a scan on this device asks for them itself only then.
        let live = null;
        let liveOpen = false;

        function openStream() {
            if (!window.EventSource || live) return;
            live = new EventSource(`${root.dataset.streamUrl}?session=${session}`, { withCredentials: true });
            live.addEventListener('open', () => { liveOpen = true; root.dataset.live = '1'; });
            live.addEventListener('counts', (e) => {
                liveOpen = true;
                root.dataset.live = '1';
                try { showCounts(JSON.parse(e.data)); } catch { /* a broken event: the next one replaces it */ }
            });
            live.addEventListener('error', () => {
                liveOpen = false;
                delete root.dataset.live;
                // The browser retries by itself while it can; a stream it gave up on is opened again on the next round.
                if (live.readyState === EventSource.CLOSED) live = null;
            });
        }

        async function refreshCounts(force) {
            if (!navigator.onLine || (liveOpen && !force)) return;
            try {
                const response = await fetch(`${root.dataset.countsUrl}?session=${session}`, { credentials: 'same-origin' });
                if (!response.ok) return;
                showCounts(await response.json());
            } catch {
                // Offline: the counts come back with the connection.
            }
        }

        function scanned(code, method, fromVideo) {
            const text = (code || '').trim();
            if (!text) return;
            const now = Date.now();
            // A camera sees the same badge in many frames: one scan per badge every few seconds.
            if (fromVideo && text === lastCode && now - lastCodeAt < 4000) return;
            lastCode = text;
            lastCodeAt = now;
            submit({ code: text, method });
        }

        function decode(source, width, height) {
            canvas.width = width;
            canvas.height = height;
            const context = canvas.getContext('2d', { willReadFrequently: true });
            context.drawImage(source, 0, 0, width, height);
            const pixels = context.getImageData(0, 0, width, height);
            return window.jsQR(pixels.data, width, height, { inversionAttempts: 'attemptBoth' });
        }

        async function scanImage(file) {
            await loadJsQr();
            const bitmap = await createImageBitmap(file);
            // A phone photo is large; a QR decodes as well, and much faster, at about a thousand pixels.
            const scale = Math.min(1, 1200 / Math.max(bitmap.width, bitmap.height));
            const found = decode(bitmap, Math.round(bitmap.width * scale), Math.round(bitmap.height * scale));
            if (found) scanned(found.data, 'Camera');
            else showText('Invalid', texts.noQr);
        }

        async function startCamera() {
            if (stream) {
                stopCamera();
                return;
            }
            try {
                await loadJsQr();
                stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
                video.srcObject = stream;
                video.hidden = false;
                await video.play();
                cameraButton.textContent = texts.stopCamera;
                requestAnimationFrame(tick);
            } catch {
                stream = null;
                showText('Error', texts.cameraFailed);
            }
        }

        function stopCamera() {
            stream?.getTracks().forEach((t) => t.stop());
            stream = null;
            video.hidden = true;
            cameraButton.textContent = texts.startCamera;
        }

        function tick() {
            if (!stream) return;
            if (video.readyState === video.HAVE_ENOUGH_DATA && video.videoWidth > 0) {
                const scale = Math.min(1, 800 / Math.max(video.videoWidth, video.videoHeight));
                const found = decode(video, Math.round(video.videoWidth * scale), Math.round(video.videoHeight * scale));
                if (found) scanned(found.data, 'Camera', true);
            }
            requestAnimationFrame(tick);
        }

        let searchTimer = 0;
        async function search() {
            const q = searchInput.value.trim();
            clear(hits);
            if (!q) return;
            try {
                const response = await fetch(`${root.dataset.searchUrl}?session=${session}&q=${encodeURIComponent(q)}`, { credentials: 'same-origin' });
                if (!response.ok) return;
                const found = await response.json();
                if (found.length === 0) {
                    const li = document.createElement('li');
                    li.textContent = texts.noHits;
                    hits.appendChild(li);
                }
                for (const hit of found) {
                    const li = document.createElement('li');
                    li.className = 'checkin-hit';
                    const who = document.createElement('span');
                    who.textContent = [hit.person.name, hit.person.organization, hit.person.phone].filter(Boolean).join(' · ');
                    li.appendChild(who);
                    if (hit.checkedInAt) {
                        const at = document.createElement('span');
                        at.className = 'checkin-hit-done';
                        at.textContent = (texts.checkedInAt || '{0}').replace('{0}', hit.checkedInAt);
                        li.appendChild(at);
                    } else {
                        const button = document.createElement('button');
                        button.type = 'button';
                        button.textContent = texts.checkInButton;
                        button.addEventListener('click', async () => {
                            await submit({ registrationId: hit.person.registrationId, method: 'Search' });
                            search();
                        });
                        li.appendChild(button);
                    }
                    hits.appendChild(li);
                }
            } catch {
                // Offline: search needs the server; the scanner and camera keep working.
            }
        }

        cameraButton.addEventListener('click', startCamera);
        el('checkin-image').addEventListener('change', (e) => {
            const file = e.target.files?.[0];
            if (file) scanImage(file).catch(() => showText('Invalid', texts.noQr));
            e.target.value = '';
        });
        // A USB or Bluetooth scanner types the code and presses Enter, like a keyboard.
        codeInput.addEventListener('keydown', (e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            const value = codeInput.value;
            codeInput.value = '';
            scanned(value, 'Scanner');
        });
        searchInput.addEventListener('input', () => {
            clearTimeout(searchTimer);
            searchTimer = setTimeout(search, 300);
        });
        window.addEventListener('online', () => { flush(); openStream(); });
        setInterval(() => { flush(); openStream(); refreshCounts(); }, 10000);

        showPending();
        refreshCounts(true);
        openStream();
        flush();
        if (root.dataset.code) {
            scanned(root.dataset.code, 'Camera');
            history.replaceState(null, '', location.pathname + (session ? `?session=${session}` : ''));
        }
        codeInput.focus();
    }

    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
    else init();
    // Arriving by Blazor's enhanced navigation replaces the page without a load event.
    document.addEventListener('DOMContentLoaded', () => window.Blazor?.addEventListener?.('enhancedload', init));
})();
