// Copy buttons: <button data-copy="text" data-copied="已复制">. One listener for the whole document, so buttons on
// static pages, after enhanced navigation and on interactive pages all work. The text stays selectable next to the
// button for browsers that refuse the clipboard.
document.addEventListener('click', async (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-copy]') : null;
    if (!button) return;
    event.preventDefault();
    try {
        await navigator.clipboard.writeText(button.getAttribute('data-copy'));
        const status = button.parentElement?.querySelector('[data-copy-status]');
        if (status) status.textContent = button.getAttribute('data-copied') || '';
    } catch {
        // No clipboard (insecure origin or refused): the link is shown beside the button to copy by hand.
    }
});
