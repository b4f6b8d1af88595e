/* measures-detail-pane.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-detail-pane"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "measures-accessible.h"
#include "measures-detail-marks.h"
#include "measures-detail-pane.h"
#include "measures-importer.h"
#include "measures-languages.h"
#include "measures-own-records.h"
#include "measures-selection-page.h"
#include "measures-text.h"
#include "measures-vocabulary.h"
#include "measures-wrap-bin.h"

/* Shows every field of one measure. Record text is only ever set as
 * plain text; the one label that uses markup escapes what it shows.
 */
struct _MeasuresDetailPane
{
  GtkWidget parent_instance;

  /* Template children */
  GtkStack *stack;
  GtkScrolledWindow *scroller;
  GtkLabel *title_label;
  GtkLabel *summary_label;
  GtkLabel *country_label;
  GtkLabel *region_heading;
  GtkLabel *region_label;
  GtkLabel *years_label;
  GtkWidget *types_section;
  GtkBox *types_box;
  GtkWidget *forms_section;
  GtkFlowBox *forms_box;
  GtkWidget *classification_section;
  GtkLabel *classification_label;
  GtkWidget *description_section;
  GtkLabel *language_note;
  GtkBox *description_box;
  GtkWidget *source_section;
  GtkLabel *source_label;
  GtkWidget *more_info_section;
  GtkLabel *more_info_label;
  GtkWidget *url_section;
  GtkLabel *url_label;
  GtkWidget *own_box;
  GtkWidget *edited_note;
  GtkLabel *edited_label;

  GtkWidget *language_switch;  /* a button for each language of the table */
  MeasuresDetailMarks *marks;  /* the user's star, collections and note */
  MeasuresSelectionPage *selection_page;

  /* Owned references */
  MeasuresMeasure *measure;
  GStrv highlight;
  guint highlight_source;
  gint64 last_update;         /* when a measure was last laid out */
  guint update_source;
  gboolean update_waits_for_pause;  /* update_source is show_later()'s */

  /* State */
  char *override_lang;         /* picked with the switch; kept from record to record */
  char *match_lang;            /* where the search matched, when not where it would show */
  gboolean picked_here;        /* the switch was used on this record, for this search */
  guint n_selected;
  guint syncing : 1;
};

G_DEFINE_FINAL_TYPE (MeasuresDetailPane, measures_detail_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MEASURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
remove_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_BOX (parent))
        gtk_box_remove (GTK_BOX (parent), child);
      else if (GTK_IS_FLOW_BOX (parent))
        gtk_flow_box_remove (GTK_FLOW_BOX (parent), child);
      else
        gtk_widget_unparent (child);
    }
}

/* Record text is shown literally, directional controls by their names;
 * words the search matched are marked, after everything else has been
 * escaped. */
static void
set_record_text (MeasuresDetailPane *self,
                 GtkLabel           *label,
                 const char         *record_text)
{
  g_autofree char *shown = measures_text_show_bidi_controls (record_text);
  const char *text = shown != NULL ? shown : record_text;
  g_autofree char *markup = NULL;

  if (self->highlight == NULL || self->highlight[0] == NULL)
    {
      gtk_label_set_text (label, text);
      return;
    }

  markup = measures_text_markup_matches (text, (const char * const *) self->highlight,
                                         "<span background=\"#f5c211\" bgalpha=\"50%\">", "</span>");
  gtk_label_set_markup (label, markup);
}

/* Whether the importer made the title from the last part of the
 * record page's address, rather than from the description. */
static gboolean
title_made_from_address (MeasuresMeasure *measure)
{
  const char *url = measures_measure_get_url (measure);
  const char *title = measures_measure_resolve_title (measure, NULL);
  g_autofree char *slug = NULL;
  g_autofree char *made = NULL;

  if (url == NULL || title == NULL || !measures_importer_parse_address (url, NULL, NULL, &slug))
    return FALSE;

  made = measures_importer_title_from_slug (slug);

  return made != NULL && g_str_equal (made, title);
}

static GtkWidget *
text_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);

  return label;
}

/* The languages to show the record in: where the search matched, when
 * it matched only in another language; the one picked with the switch;
 * or those the user reads in. */
static GStrv
wanted_languages (MeasuresDetailPane *self)
{
  const char *first = self->match_lang != NULL ? self->match_lang : self->override_lang;

  if (first != NULL)
    {
      g_auto(GStrv) usual = measures_get_content_languages ();
      g_autoptr(GStrvBuilder) langs = g_strv_builder_new ();

      g_strv_builder_add (langs, first);
      g_strv_builder_addv (langs, (const char **) usual);
      return g_strv_builder_end (langs);
    }

  return measures_get_content_languages ();
}

/* How many of the search's words start a word of the record's title or
 * description in @lang. */
static guint
count_matches (MeasuresDetailPane *self,
               const char         *lang)
{
  MeasuresLocalized *texts[] = { measures_measure_get_title (self->measure),
                                 measures_measure_get_description (self->measure) };
  guint n = 0;

  for (guint w = 0; self->highlight[w] != NULL; w++)
    for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
      {
        const char *text = texts[t] != NULL ? measures_localized_get_exact (texts[t], lang) : NULL;
        g_autofree char *words = text != NULL ? measures_fold_words (text) : NULL;

        if (words != NULL && measures_text_has_word_prefix (words, self->highlight[w]))
          {
            n++;
            break;
          }
      }

  return n;
}

/* A search that matched the record in another language than the one it
 * would be shown in: that language is shown, and the note says why. */
static void
find_match_language (MeasuresDetailPane *self)
{
  MeasuresLocalized *title = measures_measure_get_title (self->measure);
  g_auto(GStrv) usual = NULL;
  const char *shown = NULL;
  guint best = 0;

  g_clear_pointer (&self->match_lang, g_free);
  if (self->highlight == NULL || self->highlight[0] == NULL || title == NULL || self->picked_here)
    return;

  usual = wanted_languages (self);
  measures_localized_resolve (title, (const char * const *) usual, &shown);
  if (shown == NULL || count_matches (self, shown) > 0)
    return;

  for (guint i = 0; i < measures_localized_get_n_langs (title); i++)
    {
      const char *lang = measures_localized_get_lang (title, i);
      guint n = count_matches (self, lang);

      if (n > best)
        {
          best = n;
          g_free (self->match_lang);
          self->match_lang = g_strdup (lang);
        }
    }
}

static const char *
resolve (MeasuresDetailPane  *self,
         MeasuresLocalized   *localized,
         const char         **lang)
{
  g_auto(GStrv) langs = NULL;

  if (lang != NULL)
    *lang = NULL;

  if (localized == NULL)
    return NULL;

  langs = wanted_languages (self);

  return measures_localized_resolve (localized, (const char * const *) langs, lang);
}

static gboolean
has_language (MeasuresLocalized *localized,
              const char        *base)
{
  for (guint i = 0; localized != NULL && i < measures_localized_get_n_langs (localized); i++)
    if (measures_language_is (measures_localized_get_lang (localized, i), base))
      return TRUE;

  return FALSE;
}

/* A small note when the record's text is not in the language wanted. */
static void
show_language (MeasuresDetailPane *self,
               const char         *title_lang,
               const char         *description_lang)
{
  g_autofree char *wanted = self->override_lang != NULL ? g_strdup (self->override_lang)
                                                        : measures_get_preferred_language ();
  gboolean for_search = self->match_lang != NULL;
  const char *shown = NULL;
  MeasuresLocalized *title = measures_measure_get_title (self->measure);
  MeasuresLocalized *description = measures_measure_get_description (self->measure);
  GtkWidget *active;
  guint n_languages = 0;

  if (description_lang != NULL && *description_lang != '\0' && !measures_language_is (description_lang, wanted))
    shown = description_lang;
  else if (title_lang != NULL && *title_lang != '\0' && !measures_language_is (title_lang, wanted))
    shown = title_lang;

  {
    g_autoptr(GString) note = g_string_new (NULL);

    if (shown != NULL)
      {
        g_autofree char *text = measures_languages_dup_shown_in (shown);

        g_string_append (note, text);
        if (for_search)
          /* Translators: after "Shown in Romanian", when the search
           * matched the record only in that language */
          g_string_append_printf (note, " · %s", _("the search matched there"));
      }

    /* An importer made the title; the source gave none. */
    if (measures_measure_get_title_derived (self->measure))
      g_string_append_printf (note, "%s%s", note->len > 0 ? " · " : "",
                              title_made_from_address (self->measure)
                                ? _("Title made from the page’s address")
                                : _("Title made from the description"));

    gtk_label_set_text (self->language_note, note->str);
    gtk_widget_set_visible (GTK_WIDGET (self->language_note), note->len > 0);
  }

  /* The switch, for records that carry two languages or more: a button
   * for each they carry. */
  shown = description_lang != NULL ? description_lang : title_lang;
  active = gtk_widget_get_first_child (self->language_switch);
  for (GtkWidget *button = gtk_widget_get_first_child (self->language_switch);
       button != NULL;
       button = gtk_widget_get_next_sibling (button))
    {
      const char *lang = g_object_get_data (G_OBJECT (button), "lang");
      gboolean has = has_language (title, lang) || has_language (description, lang);

      gtk_widget_set_visible (button, has);
      n_languages += has;
      if (measures_language_is (shown, lang))
        active = button;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->language_switch), n_languages >= 2);

  self->syncing = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (active), TRUE);
  self->syncing = FALSE;
}

static void update (MeasuresDetailPane *self);

static void
language_checked_cb (GtkToggleButton *button)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_CHECKED,
                               gtk_toggle_button_get_active (button), -1);
}

static void
language_toggled_cb (MeasuresDetailPane *self,
                     GtkToggleButton    *button)
{
  const char *lang = g_object_get_data (G_OBJECT (button), "lang");

  if (self->syncing || !gtk_toggle_button_get_active (button))
    return;

  g_free (self->override_lang);
  self->override_lang = g_strdup (lang);
  /* The user's choice, for this record, wins over where the search
   * matched. */
  self->picked_here = TRUE;
  update (self);
}

static void
set_section (MeasuresDetailPane *self,
             GtkWidget          *section,
             GtkLabel           *label,
             const char         *text)
{
  gtk_widget_set_visible (section, text != NULL && *text != '\0');
  set_record_text (self, label, text != NULL ? text : "");
}

static void
show_types (MeasuresDetailPane *self)
{
  const char * const *types = measures_measure_get_types (self->measure);

  remove_children (GTK_WIDGET (self->types_box));

  for (guint i = 0; types[i] != NULL; i++)
    {
      g_autofree char *category = measures_type_get_category (types[i]);
      g_autofree char *subcategory = measures_type_get_subcategory (types[i]);
      g_autofree char *category_label = measures_vocabulary_label (MEASURES_FACET_TYPE, category);
      g_autofree char *subcategory_label = NULL;
      g_autofree char *markup = NULL;
      GtkWidget *label;

      if (subcategory != NULL)
        {
          subcategory_label = measures_vocabulary_label (MEASURES_FACET_TYPE, subcategory);
          markup = g_markup_printf_escaped ("<span weight=\"bold\">%s</span>  ›  %s",
                                            category_label, subcategory_label);
        }
      else
        markup = g_markup_printf_escaped ("<span weight=\"bold\">%s</span>", category_label);

      label = text_label (NULL);
      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_widget_add_css_class (label, "measure-type");
      gtk_box_append (self->types_box, label);
    }

  gtk_widget_set_visible (self->types_section, types[0] != NULL);
}

static void
show_forms (MeasuresDetailPane *self)
{
  const char * const *forms = measures_measure_get_forms (self->measure);

  remove_children (GTK_WIDGET (self->forms_box));

  for (guint i = 0; forms[i] != NULL; i++)
    {
      g_autofree char *label = measures_vocabulary_label (MEASURES_FACET_FORM, forms[i]);
      GtkWidget *tag = gtk_label_new (label);

      gtk_label_set_wrap (GTK_LABEL (tag), TRUE);
      gtk_widget_add_css_class (tag, "tag");
      gtk_flow_box_append (self->forms_box, tag);
      /* The flow box's child, which takes the focus, reads as the form. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (tag)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }

  gtk_widget_set_visible (self->forms_section, forms[0] != NULL);
}

static void
show_description (MeasuresDetailPane *self)
{
  const char *text = resolve (self, measures_measure_get_description (self->measure), NULL);
  g_autoptr(GPtrArray) blocks = NULL;
  GtkWidget *list = NULL;
  guint list_index = 0;

  remove_children (GTK_WIDGET (self->description_box));
  gtk_widget_set_visible (self->description_section, text != NULL);

  if (text == NULL)
    return;

  blocks = measures_text_parse_blocks (text);

  for (guint i = 0; i < blocks->len; i++)
    {
      const MeasuresBlock *block = g_ptr_array_index (blocks, i);

      if (block->kind == MEASURES_BLOCK_PARAGRAPH)
        {
          GtkWidget *label = text_label (NULL);

          set_record_text (self, GTK_LABEL (label), block->text);
          gtk_widget_add_css_class (label, "paragraph");
          gtk_box_append (self->description_box, label);
          list = NULL;
        }
      else
        {
          GtkWidget *item;
          GtkWidget *bullet;

          if (list == NULL || block->list != list_index)
            {
              list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
              gtk_widget_add_css_class (list, "bullet-list");
              gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, _("List"),
                                              -1);
              gtk_box_append (self->description_box, list);
              list_index = block->list;
            }

          item = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
          gtk_widget_add_css_class (item, "list-item");
          bullet = gtk_label_new ("•");
          gtk_label_set_yalign (GTK_LABEL (bullet), 0);
          gtk_widget_add_css_class (bullet, "bullet");
          gtk_accessible_update_state (GTK_ACCESSIBLE (bullet), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
          gtk_box_append (GTK_BOX (item), bullet);
          {
            GtkWidget *label = text_label (NULL);

            set_record_text (self, GTK_LABEL (label), block->text);
            gtk_box_append (GTK_BOX (item), measures_wrap_bin_new (label));
          }
          gtk_box_append (GTK_BOX (list), item);
        }
    }
}

/* Addresses never break with an inserted hyphen: someone copying one by
 * eye would copy the hyphen too. */
static void
no_hyphens (GtkLabel *label)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
}

/* Markup of @text with each http or https address in it a link; %NULL
 * when it has none. */
static char *
markup_links (const char *text)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  gboolean any = FALSE;
  const char *p = text;

  while (*p != '\0')
    {
      const char *start = strstr (p, "http");
      const char *end;
      g_autofree char *before = NULL;
      g_autofree char *address = NULL;
      g_autofree char *safe = NULL;

      if (start == NULL)
        break;
      end = start;
      while (*end != '\0' && !g_ascii_isspace (*end))
        end++;
      /* A full stop or a bracket after an address ends the sentence. */
      while (end > start && strchr (".,;:)]”\"'", end[-1]) != NULL)
        end--;

      address = g_strndup (start, end - start);
      safe = measures_uri_get_safe (address);
      before = g_markup_escape_text (p, start - p);
      g_string_append (markup, before);
      if (safe != NULL)
        {
          g_autofree char *link = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", safe, address);

          g_string_append (markup, link);
          any = TRUE;
        }
      else
        {
          g_autofree char *plain = g_markup_escape_text (address, -1);

          g_string_append (markup, plain);
        }
      p = end;
    }

  if (!any)
    return NULL;

  {
    g_autofree char *rest = g_markup_escape_text (p, -1);

    g_string_append (markup, rest);
  }

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static void
show_url (MeasuresDetailPane *self)
{
  const char *url = measures_measure_get_url (self->measure);
  g_autofree char *safe = measures_uri_get_safe (url);

  gtk_widget_set_visible (self->url_section, url != NULL);

  if (safe != NULL)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", safe, url);

      gtk_label_set_markup (self->url_label, markup);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->url_label), safe);
    }
  else
    {
      /* Not http or https: shown, but never offered as a link. */
      gtk_label_set_text (self->url_label, url != NULL ? url : "");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->url_label), NULL);
    }
}

/* An edited copy says so, and where its original is. */
static void
show_edited (MeasuresDetailPane *self)
{
  const char *from = measures_measure_get_edited_from (self->measure);
  g_autofree char *name = from != NULL ? measures_own_records_describe_dataset (from) : NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->edited_note, from != NULL);
  if (from == NULL)
    return;

  /* Translators: in the detail pane; %s names a dataset, such as
   * “Bundled measures” */
  text = g_strdup_printf (_("Edited copy of a measure of “%s”, kept in My Measures"), name);
  gtk_label_set_text (self->edited_label, text);
}

/* The measure and the selection are hidden pages until first shown:
 * hidden, they are neither styled nor laid out, and the window's first
 * frame comes sooner. Once shown, they stay visible as stack pages. */
static void
show_page (MeasuresDetailPane *self,
           const char         *name)
{
  gtk_widget_set_visible (gtk_stack_get_child_by_name (self->stack, name), TRUE);
  gtk_stack_set_visible_child_name (self->stack, name);
}

static void
update (MeasuresDetailPane *self)
{
  g_autofree char *years = NULL;
  g_autofree char *country = NULL;
  g_autofree char *region_label = NULL;
  g_autoptr(GString) summary = NULL;
  const char *title_lang = NULL;
  const char *description_lang = NULL;
  const char *title;
  const char *region;

  measures_detail_marks_set_measure (self->marks, self->measure);

  if (self->measure == NULL)
    {
      show_page (self, self->n_selected > 1 ? "selection" : "empty");
      return;
    }

  region = measures_measure_get_region (self->measure);
  years = measures_measure_dup_years_label (self->measure);

  find_match_language (self);
  title = resolve (self, measures_measure_get_title (self->measure), &title_lang);
  set_record_text (self, self->title_label,
                   title != NULL ? title : measures_measure_get_id (self->measure));
  resolve (self, measures_measure_get_description (self->measure), &description_lang);
  show_language (self, title_lang, description_lang);

  country = measures_vocabulary_label (MEASURES_FACET_COUNTRY, measures_measure_get_country (self->measure));
  region_label = region != NULL ? measures_vocabulary_label (MEASURES_FACET_REGION, region) : NULL;
  summary = g_string_new (country);
  if (*years != '\0')
    {
      /* A period never breaks at its dash: word joiners hold it. */
      g_autoptr(GString) held = g_string_new (years);

      g_string_replace (held, "–", "\u2060–\u2060", 0);
      g_string_append_printf (summary, " · %s", held->str);
    }
  gtk_label_set_text (self->summary_label, summary->str);

  gtk_label_set_text (self->country_label, country);
  gtk_label_set_text (self->region_label, region_label != NULL ? region_label : "");
  gtk_widget_set_visible (GTK_WIDGET (self->region_heading), region != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->region_label), region != NULL);
  gtk_label_set_text (self->years_label, *years != '\0' ? years : _("Not given"));

  show_types (self);
  show_forms (self);
  /* Where the types and forms come from, when not from the Global
   * Database. */
  set_section (self, self->classification_section, self->classification_label,
               resolve (self, measures_measure_get_classification (self->measure), NULL));
  show_description (self);
  set_section (self, self->source_section, self->source_label,
               resolve (self, measures_measure_get_source (self->measure), NULL));
  set_section (self, self->more_info_section, self->more_info_label,
               resolve (self, measures_measure_get_more_info (self->measure), NULL));
  /* "For more information: https://…", as copied from a page: a link. */
  {
    const char *more = resolve (self, measures_measure_get_more_info (self->measure), NULL);
    g_autofree char *shown = more != NULL ? measures_text_show_bidi_controls (more) : NULL;
    g_autofree char *linked = more != NULL ? markup_links (shown != NULL ? shown : more) : NULL;

    if (linked != NULL)
      gtk_label_set_markup (self->more_info_label, linked);
  }
  show_url (self);
  show_edited (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  /* Several selected: what can be done with them, not the last one. */
  show_page (self, self->n_selected > 1 ? "selection" : "measure");
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
launch_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Newer than GDK_VERSION_MAX_ALLOWED, and guarded. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (object), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    g_warning ("Could not open the address: %s", error->message);
  G_GNUC_END_IGNORE_DEPRECATIONS
}
#endif

static gboolean
activate_link_cb (MeasuresDetailPane *self,
                  const char         *uri,
                  GtkLabel           *label)
{
  g_autofree char *safe = measures_uri_get_safe (uri);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (safe == NULL)
    return TRUE;

#if GTK_CHECK_VERSION (4, 10, 0)
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (safe);

    gtk_uri_launcher_launch (launcher, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                             NULL, launch_cb, NULL);
  }
  G_GNUC_END_IGNORE_DEPRECATIONS
#else
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, safe, GDK_CURRENT_TIME);
#endif

  return TRUE;
}

static void
measures_detail_pane_dispose (GObject *object)
{
  MeasuresDetailPane *self = (MeasuresDetailPane *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), MEASURES_TYPE_DETAIL_PANE);
  g_clear_object (&self->measure);
  g_clear_pointer (&self->highlight, g_strfreev);
  g_clear_handle_id (&self->highlight_source, g_source_remove);
  g_clear_handle_id (&self->update_source, g_source_remove);
  self->update_waits_for_pause = FALSE;
  g_clear_pointer (&self->override_lang, g_free);
  g_clear_pointer (&self->match_lang, g_free);

  G_OBJECT_CLASS (measures_detail_pane_parent_class)->dispose (object);
}

static void
measures_detail_pane_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  MeasuresDetailPane *self = MEASURES_DETAIL_PANE (object);

  switch (prop_id)
    {
    case PROP_MEASURE:
      g_value_set_object (value, measures_detail_pane_get_measure (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_detail_pane_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  MeasuresDetailPane *self = MEASURES_DETAIL_PANE (object);

  switch (prop_id)
    {
    case PROP_MEASURE:
      measures_detail_pane_set_measure (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_detail_pane_class_init (MeasuresDetailPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_detail_pane_dispose;
  object_class->get_property = measures_detail_pane_get_property;
  object_class->set_property = measures_detail_pane_set_property;

  properties[PROP_MEASURE] =
    g_param_spec_object ("measure", NULL, NULL,
                         MEASURES_TYPE_MEASURE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MEASURES_TYPE_DETAIL_MARKS);
  g_type_ensure (MEASURES_TYPE_SELECTION_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/measures-detail-pane.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "detailpane");
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailPane, stack);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailPane, scroller);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailPane, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailPane, country_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailPane, region_heading);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailPane, region_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailPane, years_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailPane, types_section);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailPane, types_box);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailPane, forms_section);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailPane, forms_box);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailPane, classification_section);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailPane, classification_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailPane, description_section);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailPane, language_note);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailPane, description_box);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailPane, source_section);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailPane, source_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailPane, more_info_section);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailPane, more_info_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailPane, url_section);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailPane, url_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailPane, own_box);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailPane, edited_note);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailPane, edited_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailPane, language_switch);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailPane, marks);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailPane, selection_page);
  gtk_widget_class_bind_template_callback (widget_class, activate_link_cb);
}

static void
measures_detail_pane_init (MeasuresDetailPane *self)
{
  const char * const *codes = measures_languages_get_codes ();
  GtkToggleButton *first = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  {
    GtkWidget *empty = gtk_stack_get_child_by_name (self->stack, "empty");

    measures_accessible_name_scrollers (empty, adw_status_page_get_title (ADW_STATUS_PAGE (empty)));
  }
  no_hyphens (self->url_label);
  no_hyphens (self->more_info_label);

  /* A button for each language of the table, named in its own words. */
  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autofree char *name = measures_languages_dup_name (codes[i]);
      g_autofree char *tooltip = measures_languages_dup_read_in (codes[i]);
      /* One choice of a group (the switch): a radio button to screen
       * readers, checked when pressed. */
      GtkWidget *button = g_object_new (GTK_TYPE_TOGGLE_BUTTON,
                                        "accessible-role", GTK_ACCESSIBLE_ROLE_RADIO,
                                        "label", name,
                                        NULL);

      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_CHECKED, FALSE, -1);
      g_signal_connect (button, "toggled", G_CALLBACK (language_checked_cb), NULL);
      g_object_set_data (G_OBJECT (button), "lang", (gpointer) codes[i]);
      if (first != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      else
        first = GTK_TOGGLE_BUTTON (button);
      g_signal_connect_swapped (button, "toggled", G_CALLBACK (language_toggled_cb), self);
      gtk_box_append (GTK_BOX (self->language_switch), button);
    }
}

/**
 * measures_detail_pane_get_measure:
 *
 * Returns: (transfer none) (nullable): the measure shown
 */
MeasuresMeasure *
measures_detail_pane_get_measure (MeasuresDetailPane *self)
{
  g_return_val_if_fail (MEASURES_IS_DETAIL_PANE (self), NULL);

  return self->measure;
}

#define RAPID_UPDATE_MS 200

static void
deferred_update (gpointer data)
{
  MeasuresDetailPane *self = data;

  self->update_source = 0;
  self->update_waits_for_pause = FALSE;
  self->last_update = g_get_monotonic_time ();
  /* The highlight waiting to be shown is shown now too. */
  g_clear_handle_id (&self->highlight_source, g_source_remove);
  update (self);
}

void
measures_detail_pane_set_measure (MeasuresDetailPane *self,
                                  MeasuresMeasure    *measure)
{
  g_return_if_fail (MEASURES_IS_DETAIL_PANE (self));
  g_return_if_fail (measure == NULL || MEASURES_IS_MEASURE (measure));

  if (g_set_object (&self->measure, measure))
    {
      gint64 now = g_get_monotonic_time ();

      /* A language picked with the switch is kept for the next record,
       * which is shown in it when it has it. */
      self->picked_here = FALSE;

      /* Laying out a long record takes longer than a frame: when records
       * follow each other quickly (a key held down in the list, the
       * selection moving as the user types a search) the pane shows the
       * last one, a moment later, instead of each in turn. */
      g_clear_handle_id (&self->update_source, g_source_remove);
      self->update_waits_for_pause = FALSE;
      if (now - self->last_update >= RAPID_UPDATE_MS * 1000)
        {
          self->last_update = now;
          update (self);
        }
      else
        self->update_source = g_timeout_add_once (RAPID_UPDATE_MS, deferred_update, self);

      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURE]);
    }
  else if (self->update_waits_for_pause)
    {
      /* Chosen in the list while it waited for a pause in the typing:
       * shown now. */
      g_clear_handle_id (&self->update_source, g_source_remove);
      deferred_update (self);
    }
}

#define HIGHLIGHT_DELAY_MS 300

/**
 * measures_detail_pane_show_later:
 * @measure: (nullable): the measure to show
 *
 * Shows @measure once a moment has passed without another: for a
 * measure that came first in the list as the user types a search, which
 * may change again at the next key. It is laid out with the search's
 * words marked, once, when the user pauses, not between two keys.
 */
void
measures_detail_pane_show_later (MeasuresDetailPane *self,
                                 MeasuresMeasure    *measure)
{
  g_return_if_fail (MEASURES_IS_DETAIL_PANE (self));
  g_return_if_fail (measure == NULL || MEASURES_IS_MEASURE (measure));

  if (!g_set_object (&self->measure, measure))
    return;

  self->picked_here = FALSE;
  g_clear_handle_id (&self->update_source, g_source_remove);
  self->update_source = g_timeout_add_once (HIGHLIGHT_DELAY_MS, deferred_update, self);
  self->update_waits_for_pause = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURE]);
}

static gboolean
same_words (const char * const *a,
            const char * const *b)
{
  gboolean a_empty = a == NULL || a[0] == NULL;
  gboolean b_empty = b == NULL || b[0] == NULL;

  if (a_empty || b_empty)
    return a_empty == b_empty;

  return g_strv_equal (a, b);
}

static void
apply_highlight (gpointer data)
{
  MeasuresDetailPane *self = data;
  double scroll = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->scroller));

  self->highlight_source = 0;
  /* A measure waits to be shown: it will be, with the highlight. */
  if (self->update_source != 0)
    return;

  update (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), scroll);
}

/**
 * measures_detail_pane_set_highlight:
 * @words: (nullable): folded search words whose matches to mark
 *
 * Called at each change of the search: one that leaves the words as
 * they were still counts as a key, for what waits for a pause.
 */
void
measures_detail_pane_set_highlight (MeasuresDetailPane *self,
                                    const char * const *words)
{
  g_return_if_fail (MEASURES_IS_DETAIL_PANE (self));

  /* The search changed: the user has not paused, so a measure that
   * waits for them to pause waits again. */
  if (self->update_waits_for_pause)
    {
      g_clear_handle_id (&self->update_source, g_source_remove);
      self->update_source = g_timeout_add_once (HIGHLIGHT_DELAY_MS, deferred_update, self);
    }

  if (same_words ((const char * const *) self->highlight, words))
    {
      /* "protectia " to "protectia": so does the highlight. */
      if (self->highlight_source != 0)
        {
          g_clear_handle_id (&self->highlight_source, g_source_remove);
          self->highlight_source = g_timeout_add_once (HIGHLIGHT_DELAY_MS, apply_highlight, self);
        }
      return;
    }

  g_strfreev (self->highlight);
  self->highlight = g_strdupv ((char **) words);
  self->picked_here = FALSE;

  /* Laying out a long text again takes longer than a frame: while the
   * user types, the list follows each key and the text once they pause. */
  g_clear_handle_id (&self->highlight_source, g_source_remove);
  if (self->measure != NULL)
    self->highlight_source = g_timeout_add_once (HIGHLIGHT_DELAY_MS, apply_highlight, self);
}

/**
 * measures_detail_pane_refresh:
 *
 * Shows the measure again, after the content language changed.
 */
void
measures_detail_pane_refresh (MeasuresDetailPane *self)
{
  g_return_if_fail (MEASURES_IS_DETAIL_PANE (self));

  if (self->measure != NULL)
    update (self);
}

/**
 * measures_detail_pane_set_editable:
 * @editable: whether the measure can be edited from here
 *
 * Shows or hides the Edit button and what an edited copy offers, which
 * act on the window's measure: a pane that shows another (the original
 * of an edited copy) has neither.
 */
void
measures_detail_pane_set_editable (MeasuresDetailPane *self,
                                   gboolean            editable)
{
  g_return_if_fail (MEASURES_IS_DETAIL_PANE (self));

  gtk_widget_set_visible (self->own_box, editable);
}

/**
 * measures_detail_pane_set_selection:
 * @ids: (nullable) (array zero-terminated=1): the ids of the measures
 *   selected in the list, which the star and the collections act on
 *   when there are several
 */
void
measures_detail_pane_set_selection (MeasuresDetailPane *self,
                                    const char * const *ids)
{
  g_return_if_fail (MEASURES_IS_DETAIL_PANE (self));

  measures_detail_marks_set_selection (self->marks, ids);
  measures_selection_page_set_selection (self->selection_page, ids);
  self->n_selected = ids != NULL ? g_strv_length ((char **) ids) : 0;
  if (self->n_selected > 1)
    show_page (self, "selection");
  else
    show_page (self, self->measure != NULL ? "measure" : "empty");
}

/**
 * measures_detail_pane_set_library:
 * @library: (nullable): the user's stars, collections and notes, which
 *   the pane shows and edits for its measure
 */
void
measures_detail_pane_set_library (MeasuresDetailPane *self,
                                  MeasuresLibrary    *library)
{
  g_return_if_fail (MEASURES_IS_DETAIL_PANE (self));

  measures_detail_marks_set_library (self->marks, library);
  measures_selection_page_set_library (self->selection_page, library);
}
