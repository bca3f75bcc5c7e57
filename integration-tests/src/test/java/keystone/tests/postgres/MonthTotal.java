package keystone.tests.postgres;

public record MonthTotal(String month, String items, long cents) {}
