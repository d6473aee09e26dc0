"""What every printed or exported document holds, as plain frozen data.

Services fill these from the database; ``minami_desk.reports`` renders them. Both import this
package, never each other's internals, so it sits below both (and imports neither).
"""
