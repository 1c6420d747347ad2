"""The body's rich-text editor: the vendored editor writing into a hidden input."""

from django import forms


class RichTextEditor(forms.Textarea):
    """Not a HiddenInput: the admin hides the whole row, label and errors, of hidden widgets."""

    template_name = "newsroom/desk/richtext.html"

    class Media:
        css = {"all": ["newsroom/vendor/trix/trix.css", "newsroom/desk.css"]}
        js = ["newsroom/vendor/trix/trix.umd.min.js", "newsroom/desk.js"]
