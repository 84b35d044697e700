from __future__ import annotations

from django.contrib import admin

from sellerdesk.stores.models import Membership, Store


class MembershipInline(admin.TabularInline[Membership, Store]):
    model = Membership
    extra = 0
    autocomplete_fields = ("user",)
    readonly_fields = ("created_at",)


@admin.register(Store)
class StoreAdmin(admin.ModelAdmin[Store]):
    list_display = ("name", "marketplace", "timezone", "currency", "response_hours", "created_at")
    list_filter = ("marketplace", "response_skip_sundays")
    search_fields = ("name",)
    readonly_fields = ("created_at",)
    inlines = (MembershipInline,)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin[Membership]):
    list_display = ("user", "store", "role", "created_at")
    list_filter = ("role", "store")
    search_fields = ("user__email", "store__name")
    autocomplete_fields = ("user", "store")
    list_select_related = ("user", "store")
