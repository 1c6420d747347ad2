"""The body's rich-text editor: the vendored editor writing into a hidden input."""

from django import forms


class RichTextEditor(forms.Textarea):
    """Not a HiddenInput: the admin hides the whole row, label and errors, of hidden widgets."""

    template_name = "newsroom/desk/richtext.html"

    class Media:
        css = {"all": ["newsroom/vendor/trix/trix.css"]}  # desk.css: on every desk page
        js = ["newsroom/vendor/trix/trix.umd.min.js", "newsroom/desk.js"]

    def id_for_label(self, id_: str) -> str:
        return ""  # the input is hidden; the editor carries its own name


class VersionInput(forms.HiddenInput):
    def id_for_label(self, id_: str) -> str:
        return ""  # the admin prints a label for hidden fields too: let it point nowhere

