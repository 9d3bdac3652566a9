import { GraphQLError } from "graphql";
import { Arg, Ctx, Query, Resolver } from "type-graphql";
import type { Context } from "../../context/context.js";
import { calendarRange, MAX_RANGE_DAYS } from "../../rules/calendar/working-days.js";
import { CalendarDay } from "../../schema/calendar/calendar-day.type.js";
import { DateScalar } from "../../schema/shared/scalars.js";

@Resolver(() => CalendarDay)
export class CalendarResolver {
  @Query(() => [CalendarDay], { description: `Working days from..to inclusive (at most ${MAX_RANGE_DAYS} days). Public.` })
  calendar(@Arg("from", () => DateScalar) from: string, @Arg("to", () => DateScalar) to: string, @Ctx() ctx: Context): CalendarDay[] {
    try {
      return calendarRange(ctx.reference.calendar, from, to);
    } catch (error) {
      if (error instanceof RangeError) throw new GraphQLError(error.message, { extensions: { code: "BAD_USER_INPUT" } });
      throw error;
    }
  }
}
