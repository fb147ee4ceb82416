from django.urls import path

from .views import agenda, home, meeting, minutes, packs, publish, report_files, reports, summons
from .views import clearance_steps as steps
from .views import report_clearance as clearance
from .views.agenda_template import agenda_template, kind_template, kind_templates
from .views.appointments import appointments
from .views.clearance_team import team
from .views.meeting_details import meeting_details, meeting_new
from .views.programme import programme, programme_new

app_name = "workspace"

urlpatterns = [
    path("", home.home, name="home"),
    path("meetings/<int:pk>/", meeting.meeting, name="meeting"),
    path("meetings/<int:pk>/publish/", publish.publish, name="publish"),
    path("meetings/<int:pk>/supplement/", publish.supplement, name="supplement"),
    path("meetings/<int:pk>/packs/", packs.packs_view, name="packs"),
    path("meetings/<int:pk>/packs/progress/", packs.progress, name="packs_progress"),
    path("meetings/<int:pk>/packs/<int:pack>/download/", packs.download, name="pack_download"),
    path("meetings/<int:pk>/summons/", summons.summons, name="summons"),
    path("meetings/<int:pk>/summons/reissue/", summons.reissue, name="summons_reissue"),
    path("meetings/<int:pk>/summons/<int:issue>/posted/", summons.posted, name="summons_posted"),
    path(
        "meetings/<int:pk>/summons/emails/<int:log>/send-again/",
        summons.send_again,
        name="summons_send_again",
    ),
    path(
        "meetings/<int:pk>/summons/<int:issue>/print/",
        summons.print_dispatch,
        name="summons_print",
    ),
    path("meetings/<int:pk>/minutes/", minutes.minutes, name="minutes"),
    path("meetings/<int:pk>/minutes/publish/", minutes.publish, name="minutes_publish"),
    path("meetings/<int:pk>/minutes/approve/", minutes.approve, name="minutes_approve"),
    path("meetings/<int:pk>/minutes/sign/", minutes.sign, name="minutes_sign"),
    path("meetings/<int:pk>/agenda/", agenda.builder, name="agenda"),
    path(
        "meetings/<int:pk>/agenda/standard-items/",
        agenda.add_standard_items,
        name="agenda_standard",
    ),
    path("meetings/<int:pk>/agenda/renumber/", agenda.renumber, name="agenda_renumber"),
    path("meetings/<int:pk>/agenda/urgent/", agenda.add_urgent, name="agenda_urgent"),
    path("meetings/<int:pk>/agenda/items/<int:item_pk>/", agenda.change, name="agenda_item"),
    path("meetings/<int:pk>/agenda/items/<int:item_pk>/move/", agenda.move, name="agenda_move"),
    path(
        "meetings/<int:pk>/agenda/items/<int:item_pk>/remove/",
        agenda.remove,
        name="agenda_remove",
    ),
    path("programme/", programme, name="programme"),
    path("programme/new/", programme_new, name="programme_new"),
    path("meetings/new/", meeting_new, name="meeting_new"),
    path("meetings/<int:pk>/details/", meeting_details, name="meeting_details"),
    path("bodies/<slug:slug>/appointments/", appointments, name="appointments"),
    path("bodies/<slug:slug>/agenda-template/", agenda_template, name="agenda_template"),
    path("agenda-templates/", kind_templates, name="kind_templates"),
    path("agenda-templates/<slug:kind>/", kind_template, name="kind_template"),
    path("clearance-steps/", steps.steps, name="clearance_steps"),
    path("clearance-steps/new/", steps.step, name="clearance_step_new"),
    path("clearance-steps/<int:pk>/", steps.step, name="clearance_step"),
    path("clearance-steps/<int:pk>/team/", team, name="clearance_team"),
    path("reports/new/", reports.new_report, name="report_new"),
    path("reports/new/autosave/", reports.autosave, name="report_new_autosave"),
    path("reports/new/preview/", reports.preview, name="report_new_preview"),
    path("reports/new/word/", report_files.word, name="report_new_word"),
    path("reports/<int:pk>/", reports.report, name="report"),
    path("reports/<int:pk>/autosave/", reports.autosave, name="report_autosave"),
    path("reports/<int:pk>/preview/", reports.preview, name="report_preview"),
    path("reports/<int:pk>/pdf/", reports.saved_pdf, name="report_pdf"),
    path("reports/<int:pk>/word/", report_files.word, name="report_word"),
    path("reports/<int:pk>/appendices/", report_files.appendix, name="report_appendix"),
    path("reports/<int:pk>/submit/", clearance.submit, name="report_submit"),
    path("reports/<int:pk>/steps/<int:step>/", clearance.sign_off, name="report_sign_off"),
    path("reports/<int:pk>/return/", clearance.return_to_draft, name="report_return"),
    path("reports/<int:pk>/approve/", clearance.approve, name="report_approve"),
]
