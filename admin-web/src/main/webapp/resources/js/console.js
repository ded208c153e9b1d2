/* Copies the text of the element with the given id, for secrets that are shown once. */
function ringproofCopy(id, button) {
    var text = document.getElementById(id).textContent;
    navigator.clipboard.writeText(text).then(function () {
        button.textContent = 'Copied';
    });
    return false;
}
